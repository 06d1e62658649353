import pg from 'pg';

// PostgreSQL helpers shared by the test setup, the tests and the benchmarks (which create and drop
// their own scratch databases on the server they are given).

/** The same PostgreSQL URL with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs `task` with a client connected to `url`; the connection is closed afterwards, whatever happens. */
export async function withPgClient<T>(url: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}
