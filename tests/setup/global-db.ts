import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/schema-engine';
import { ensureBuild } from '@/lib/server/ensure-build';
import { startAppServer, type AppServer } from '../../scripts/support/app-server';
import { withDatabaseName, withPgClient } from '../../scripts/support/postgres-client';

// Integration and browser tests get their own database, created here and dropped afterwards,
// on DATABASE_URL's server, else the machine's PostgreSQL at 127.0.0.1:5432, else an embedded one.
// The real app (production build, server.ts) is started once on a free port against it.

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MACHINE_PG = 'postgresql://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    baseUrl: string;
    authSecret: string;
    seedSecret: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let server: AppServer | undefined;
let adminUrl = '';
let databaseName = '';

export default async function setup(project: TestProject) {
  adminUrl = await resolveAdminUrl();
  databaseName = `bpl_test_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${databaseName}"`));
  const databaseUrl = withDatabaseName(adminUrl, databaseName);
  await applyMigrations(databaseUrl);

  ensureBuild(ROOT, (message) => console.log(`[test setup] ${message}`));
  const authSecret = crypto.randomBytes(32).toString('base64url');
  // The tests compute a student's seed with the server's secret, as an audit on the server would.
  const seedSecret = crypto.randomBytes(32).toString('base64url');
  const port = 3900 + Math.floor(Math.random() * 900);
  server = await startAppServer({ databaseUrl, port, authSecret, env: { SEED_SECRET: seedSecret, TRUST_PROXY: '1' } });
  const baseUrl = server.baseUrl;

  project.provide('databaseUrl', databaseUrl);
  project.provide('baseUrl', baseUrl);
  project.provide('authSecret', authSecret);
  project.provide('seedSecret', seedSecret);

  return async () => {
    await server?.stop();
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
    await embedded?.stop();
  };
}

async function resolveAdminUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return withDatabaseName(process.env.DATABASE_URL, 'postgres');
  if (await canConnect(MACHINE_PG)) return MACHINE_PG;
  console.log('[test setup] no PostgreSQL at 127.0.0.1:5432: starting an embedded one');
  embedded = await startEmbeddedPostgres({ dataDir: path.join(ROOT, '.data', 'test'), port: 54331, database: 'postgres' });
  return embedded.url;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function withAdmin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  return withPgClient(adminUrl, task);
}
