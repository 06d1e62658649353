// The one Node server: Next.js and socket.io on one port.
// Boot: config → database (DATABASE_URL, or an embedded PostgreSQL under .data/) → migrations →
// demo data on first start → production build if missing → serve. `--dev` serves with hot reload.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { getConfig, setBootEnv } from '@/lib/config';
import { checkDatabaseConnection, describeDatabaseUrl } from '@/lib/db/check-connection';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { applyMigrations } from '@/lib/db/schema-engine';
import { getDb } from '@/lib/db';
import { closeDatabases } from '@/lib/db/close-databases';
import { getLogger } from '@/lib/log';
import { createSocketServer } from '@/lib/realtime/create-socket-server';
import { DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS, seedDemoData } from '@/lib/seed/seed-demo-data';
import { seedDemoActivity } from '@/lib/seed/seed-demo-activity';
import { describeStartupError } from '@/lib/server/describe-startup-error';
import { findFreePort } from '@/lib/server/find-free-port';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '@/lib/accounts/read-client-ip';
import { ensureAuthSecret } from '@/lib/server/ensure-auth-secret';
import { ensureSeedSecret } from '@/lib/exercises/keyed-seeds';
import { ensureBuild } from '@/lib/server/ensure-build';
import { stopBoss } from '@/lib/jobs/boss';
import { closeRunControl } from '@/lib/training/runtime/run-control';
import { closeTrainingRuntime } from '@/lib/training/runtime/training-runtime';
import { consoleText, routeConsoleToLog } from '@/lib/server/route-console-to-log';

const ROOT = import.meta.dirname;
const isDev = process.argv.includes('--dev');

async function main(): Promise<void> {
  const config = getConfig();
  const log = getLogger();
  // On a pipe the log is JSON lines: Next's own lines (its build, "✓ Running next.config.js took …",
  // request errors) and any other console output join it through the logger.
  const isJsonLog = process.stdout.isTTY !== true;
  if (isJsonLog) routeConsoleToLog(log);
  const dataDir = path.resolve(ROOT, config.DATA_DIR);

  let embedded: EmbeddedDatabase | undefined;
  if (!config.DATABASE_URL) {
    // Another program (often a second PostgreSQL) may hold the default port: take the next free one.
    const port = await findFreePort(config.EMBEDDED_PG_PORT);
    if (port !== config.EMBEDDED_PG_PORT) log.warn(`port ${config.EMBEDDED_PG_PORT} is in use: the embedded PostgreSQL uses port ${port} instead (set EMBEDDED_PG_PORT to choose one)`);
    log.info(`DATABASE_URL is not set: starting the embedded PostgreSQL on port ${port}`);
    embedded = await startEmbeddedPostgres({ dataDir, port, database: 'backprop_live', log: (m) => log.info(m) });
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
    // The in-process training worker takes no more jobs; runs in hand go back to pg-boss (another
    // worker, or this server after its restart, trains them again from their start).
    await closeTrainingRuntime().catch((error: unknown) => log.warn({ err: error }, 'could not stop the training worker'));
    await closeSockets?.().catch(() => {});
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await stopBoss({ timeoutMs: 2_000 }).catch((error: unknown) => log.warn({ err: error }, 'could not stop the job queue'));
    await closeRunControl();
    // Both the Prisma client and the live-play pg pool: the embedded database waits for its clients.
    await closeDatabases().catch((error: unknown) => log.warn({ err: error }, 'could not close the database connections'));
    if (embedded) {
      await embedded
        .stop()
        .then(() => log.info(`the embedded PostgreSQL has stopped (its data stays in ${path.join(path.relative(ROOT, dataDir) || '.', 'postgres')})`))
        .catch((error: unknown) => log.error({ err: error }, 'could not stop the embedded PostgreSQL'));
    }
    log.info('Backprop Live has stopped');
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
      log.info('seeding demo activity (exercise attempts, training runs, a live session, a challenge)…');
      await seedDemoActivity();
      log.info('seeded demo data (see README for the demo accounts)');
    }
    if (!isDev) ensureBuild(ROOT, (m) => log.info(m), isJsonLog ? { output: (line, isError) => (isError ? log.warn(consoleText([line])) : log.info(consoleText([line]))) } : {});

    const app = next({ dev: isDev, dir: ROOT, hostname: 'localhost', port: config.PORT });
    await app.prepare();
    const handle = app.getRequestHandler();
    server = http.createServer((request, response) => {
      // The one client address rate limits use (TRUST_PROXY decides how far X-Forwarded-For counts).
      request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], config.TRUST_PROXY);
      void handle(request, response);
    });
    closeSockets = (await createSocketServer(server)).close;
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(config.PORT, config.HOST, resolve);
    });
    const hasDemo = (await getDb().user.count({ where: { email: DEMO_INSTRUCTOR.email } })) > 0;
    const signIn = hasDemo ? ` — sign in as ${DEMO_INSTRUCTOR.email} (or ${DEMO_STUDENTS[0].email}), password ${DEMO_PASSWORD}` : '';
    log.info(`Backprop Live is ready at http://localhost:${config.PORT}${signIn} (database ${describeDatabaseUrl(databaseUrl)}; Ctrl-C stops it)`);
  } catch (error) {
    await embedded?.stop().catch(() => {});
    throw error;
  }
}

main().catch((error: unknown) => {
  // Expected start-up failures (bad config, database unreachable, port in use) are one clear line.
  // Straight to stderr (console may be routed into the JSON log by now): exactly one plain line.
  process.stderr.write(`Backprop Live could not start: ${describeStartupError(error)}\n`);
  process.exit(1);
});
