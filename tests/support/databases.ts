import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { applyMigrations } from '@/lib/db/schema-engine';

// Extra throwaway databases on the same server as this run's test database.

export function adminUrl(): string {
  return withDatabaseName(inject('databaseUrl'), 'postgres');
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function withAdmin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

export async function createScratchDatabase({ migrate = true } = {}): Promise<ScratchDatabase> {
  const name = `bpl_scratch_${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabaseName(inject('databaseUrl'), name);
  if (migrate) await applyMigrations(url);
  return { url, name, drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}) };
}
