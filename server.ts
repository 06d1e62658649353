// The one Node server: Next.js and socket.io on one port.
// Boot: config → database (DATABASE_URL, or an embedded PostgreSQL under .data/) → migrations →
// demo data on first start → production build if missing → serve. `--dev` serves with hot reload.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { ConfigError, getConfig, setBootEnv } from '@/lib/config';
import { checkDatabaseConnection, describeDatabaseUrl } from '@/lib/db/check-connection';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/schema-engine';
import { disconnectDb, getDb } from '@/lib/db';
import { getLogger } from '@/lib/log';
import { createSocketServer } from '@/lib/realtime/create-socket-server';
import { seedDemoData } from '@/lib/seed/seed-demo-data';
import { ensureAuthSecret } from '@/lib/server/ensure-auth-secret';
import { ensureSeedSecret } from '@/lib/exercises/keyed-seeds';
import { ensureBuild } from '@/lib/server/ensure-build';

const ROOT = import.meta.dirname;
const isDev = process.argv.includes('--dev');

async function main(): Promise<void> {
  const config = getConfig();
  const log = getLogger();
  const dataDir = path.resolve(ROOT, config.DATA_DIR);

  let embedded: EmbeddedDatabase | undefined;
  if (!config.DATABASE_URL) {
    log.info('DATABASE_URL is not set: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT, database: 'backprop_live', log: (m) => log.info(m) });
  }
  setBootEnv({
    DATABASE_URL: embedded?.url,
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? ensureAuthSecret(dataDir),
    // Every process of this deployment (and every later audit) keys seeds with the same secret.
    SEED_SECRET: config.SEED_SECRET ?? ensureSeedSecret(dataDir),
    // Sign-in redirects follow the Host header, so any PORT works without NEXTAUTH_URL.
    AUTH_TRUST_HOST: config.NEXTAUTH_URL ? undefined : 'true',
  });
  const databaseUrl = getConfig().DATABASE_URL ?? '';

  let server: http.Server | undefined;
  let closeSockets: (() => Promise<void>) | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await closeSockets?.().catch(() => {});
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await disconnectDb().catch(() => {});
    await embedded?.stop().catch((error: unknown) => log.error({ err: error }, 'could not stop the embedded PostgreSQL'));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await checkDatabaseConnection(databaseUrl);
    const applied = await applyMigrations(databaseUrl);
    if (applied.length > 0) log.info(`applied migrations: ${applied.join(', ')}`);
    if ((await getDb().user.count()) === 0) {
      await seedDemoData(getDb());
      log.info('seeded demo data (see README for the demo accounts)');
    }
    if (!isDev) ensureBuild(ROOT, (m) => log.info(m));

    const app = next({ dev: isDev, dir: ROOT, hostname: 'localhost', port: config.PORT });
    await app.prepare();
    const handle = app.getRequestHandler();
    server = http.createServer((request, response) => void handle(request, response));
    closeSockets = (await createSocketServer(server)).close;
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(config.PORT, config.HOST, resolve);
    });
    log.info(`Backprop Live is ready at http://localhost:${config.PORT} (database ${describeDatabaseUrl(databaseUrl)})`);
  } catch (error) {
    await embedded?.stop().catch(() => {});
    throw error;
  }
}

main().catch((error: unknown) => {
  // Expected start-up failures (bad config, database unreachable, port in use) are one clear line.
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`Backprop Live could not start: ${message}`);
  process.exit(1);
});
