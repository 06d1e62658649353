import pg from 'pg';

/** Resolves when the database answers `SELECT 1`; rejects with a one-line, human message otherwise. */
export async function checkDatabaseConnection(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  const where = describeDatabaseUrl(url);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach the database at ${where}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** host:port/database without the password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
