import crypto from 'node:crypto';
import type pg from 'pg';
import { inject } from 'vitest';
import { applyMigrations } from '@/lib/db/schema-engine';
import { withDatabaseName, withPgClient } from '../../scripts/support/postgres-client';

// Extra throwaway databases on the same server as this run's test database.

export function adminUrl(): string {
  return withDatabaseName(inject('databaseUrl'), 'postgres');
}

/** Runs `task` connected to the test server's `postgres` database (to create and drop databases). */
export function withAdmin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  return withPgClient(adminUrl(), task);
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
