// `npm run cluster -- --web 2 --workers 2`: the whole deployment on one machine, to see it scale.
// PostgreSQL (DATABASE_URL, else the embedded one under .data/), Redis (REDIS_URL, else the
// machine's at 127.0.0.1:6379, else a redis-server started here if one is installed), N web
// processes on consecutive ports behind a sticky round-robin proxy, and M training workers
// (`npm run worker`). Ctrl-C stops them all: web processes and workers first, then what this
// script started (redis-server, embedded PostgreSQL). docs/deployment.md explains each role.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { z } from 'zod';
import { getConfig, setBootEnv } from '@/lib/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { describeZodIssue } from '@/lib/errors';
import { ensureSeedSecret } from '@/lib/exercises/keyed-seeds';
import { getLogger } from '@/lib/log';
import { findFreePort, isPortFree } from '@/lib/server/find-free-port';
import { ensureAuthSecret } from '@/lib/server/ensure-auth-secret';
import { ROOT, waitUntilHealthy, type AppServer } from './support/app-server';
import { startStickyProxy } from './support/sticky-proxy';

const ZClusterArgs = z.object({
  web: z.coerce.number().int().min(1).max(16).default(2),
  workers: z.coerce.number().int().min(0).max(16).default(2),
  /** The proxy's port; web processes take the next N ports (with --no-proxy, from this port on). */
  port: z.coerce.number().int().min(1).max(65535 - 17).default(3000),
  noProxy: z.boolean().default(false),
});

const MACHINE_REDIS = 'redis://127.0.0.1:6379';
const STOP_TIMEOUT_MS = 15_000;

const log = getLogger();
const children: { name: string; child: ChildProcess }[] = [];
let embedded: EmbeddedDatabase | undefined;
let redisServer: ChildProcess | undefined;
let proxy: http.Server | undefined;
let stopping = false;

async function main(): Promise<void> {
  const args = readArgs();
  const config = getConfig();
  const dataDir = path.resolve(ROOT, config.DATA_DIR);
  process.on('SIGINT', () => void stopAll('SIGINT', 0));
  process.on('SIGTERM', () => void stopAll('SIGTERM', 0));

  const webPorts = Array.from({ length: args.web }, (_, i) => args.port + (args.noProxy ? i : i + 1));
  for (const port of args.noProxy ? webPorts : [args.port, ...webPorts]) {
    if (!(await isPortFree(port, '0.0.0.0'))) throw new Error(`port ${port} is in use: choose another first port with --port`);
  }

  const databaseUrl = config.DATABASE_URL ?? (await startDatabase(dataDir, config.EMBEDDED_PG_PORT));
  const redisUrl = await findRedis(config.REDIS_URL);
  // Every process of a deployment signs sessions and keys seeds with the same secrets.
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? ensureAuthSecret(dataDir),
    SEED_SECRET: config.SEED_SECRET ?? ensureSeedSecret(dataDir),
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    // Behind the proxy, the client's address is the last X-Forwarded-For entry (rate limits key on it).
    ...(args.noProxy ? {} : { TRUST_PROXY: '1' }),
    // With training workers (they need Redis), the web processes train nothing themselves.
    ...(args.workers > 0 && redisUrl ? { TRAINING_IN_PROCESS: '0' } : {}),
  };
  setBootEnv({ DATABASE_URL: databaseUrl });

  // The first web process alone: it applies migrations, seeds the demo data and builds the app if
  // needed; the others then start on a ready database and build.
  const web = webPorts.map((port, i) => ({ name: `web ${i + 1}`, port }));
  await startWeb(web[0], env);
  await Promise.all(web.slice(1).map((process) => startWeb(process, env)));
  const workers = startWorkers(args.workers, env);

  let url = `http://localhost:${webPorts[0]}`;
  if (!args.noProxy) {
    proxy = await startStickyProxy({ port: args.port, upstreams: webPorts });
    url = `http://localhost:${args.port}`;
  }
  const where = args.noProxy ? `web processes on ports ${webPorts.join(', ')}` : `proxy on port ${args.port} → web processes on ${webPorts.join(', ')}`;
  log.info(`cluster ready at ${url}: ${where}; ${workers} training worker(s); Redis ${redisUrl ?? 'none'}; Ctrl-C stops everything`);
}

function readArgs(): z.infer<typeof ZClusterArgs> {
  const { values } = parseArgs({
    options: { web: { type: 'string' }, workers: { type: 'string' }, port: { type: 'string' }, 'no-proxy': { type: 'boolean' } },
    strict: true,
  });
  const parsed = ZClusterArgs.safeParse({ web: values.web, workers: values.workers, port: values.port, noProxy: values['no-proxy'] });
  if (!parsed.success) throw new Error(`usage: npm run cluster -- [--web N] [--workers M] [--port P] [--no-proxy]: ${parsed.error.issues.map((issue) => describeZodIssue(issue, { separator: ' ' })).join('; ')}`);
  return parsed.data;
}

async function startDatabase(dataDir: string, preferredPort: number): Promise<string> {
  const port = await findFreePort(preferredPort);
  log.info(`DATABASE_URL is not set: starting the embedded PostgreSQL on port ${port} (data in ${path.relative(ROOT, dataDir) || '.'}/postgres)`);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  embedded = await startEmbeddedPostgres({ dataDir, port, database: 'backprop_live', log: (m) => log.info(m) });
  // embedded-postgres hooks these signals to stop its server and exit at once; this script stops
  // the web processes and workers (its clients) first, then the database (stopAll).
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  }
  return embedded.url;
}

/** REDIS_URL if it answers; else the machine's Redis; else a redis-server started here; else none (said why). */
async function findRedis(configured: string | undefined): Promise<string | undefined> {
  if (configured) {
    if (await redisAnswers(configured)) return configured;
    throw new Error(`REDIS_URL (${configured}) does not answer PING`);
  }
  if (await redisAnswers(MACHINE_REDIS)) {
    log.info(`Redis: using the machine's at ${MACHINE_REDIS}`);
    return MACHINE_REDIS;
  }
  if (spawnSync('redis-server', ['--version']).status === 0) {
    const port = await findFreePort(6380);
    log.info(`Redis: none answers at ${MACHINE_REDIS}; starting redis-server on port ${port} (in memory, no persistence)`);
    redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const url = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i += 1) {
      if (await redisAnswers(url)) return url;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the redis-server started on port ${port} did not answer`);
  }
  log.warn(
    'Redis: none found (REDIS_URL unset, nothing at 127.0.0.1:6379, no redis-server installed). Running without it: rate limits count in PostgreSQL, ' +
      'but live events and training progress reach only the sockets of the process that sends them. Install redis-server (apt-get install redis-server) for a real cluster.',
  );
  return undefined;
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    await client.quit().catch(() => {});
  }
}

async function startWeb({ name, port }: { name: string; port: number }, env: Record<string, string>): Promise<void> {
  log.info(`${name}: starting on port ${port}`);
  // node --import tsx: one process per web (tsx's CLI would add a wrapper process to signal).
  const child = launch(name, process.execPath, ['--import', 'tsx', 'server.ts'], { ...env, PORT: String(port) });
  const server = { baseUrl: `http://127.0.0.1:${port}`, process: child } as AppServer;
  // The first start may build the app (about two minutes on two cores).
  await waitUntilHealthy(server, 600_000);
  log.info(`${name}: ready on port ${port}`);
}

/** Starts `count` training workers (scripts/worker.ts, what `npm run worker` runs); returns how many it started. */
function startWorkers(count: number, env: Record<string, string>): number {
  if (count === 0) return 0;
  if (!env.REDIS_URL) {
    log.warn(`--workers ${count}: a training worker streams progress through Redis, and there is none; the web processes train in their own pool instead`);
    return 0;
  }
  // Straight to the script: `npm run worker` would regenerate the Prisma client in every worker at once.
  for (let i = 1; i <= count; i += 1) launch(`worker ${i}`, process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], env);
  log.info(`started ${count} training worker(s) (scripts/worker.ts, as npm run worker)`);
  return count;
}

/** Starts a child in its own process group (Ctrl-C reaches this script only; it stops the children in order). */
function launch(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (!stopping) log.warn(`${name} exited (${signal ?? `code ${code}`}); the others keep serving`);
  });
  return child;
}

async function stopAll(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`${reason}: stopping the cluster`);
  // Nothing else may be pending while the children stop; without this the loop could empty early.
  setInterval(() => {}, 1_000);
  proxy?.close();
  proxy?.closeAllConnections();
  await Promise.all(children.map(({ name, child }) => stopChild(name, child)));
  if (redisServer && redisServer.exitCode === null) {
    redisServer.kill('SIGTERM');
    log.info('stopped the redis-server this script started');
  }
  if (embedded) {
    // A terminal's Ctrl-C reaches the embedded PostgreSQL too (it shares this script's process group).
    const stopped = embedded.stop().then(() => 'the embedded PostgreSQL has stopped', (error: unknown) => `the embedded PostgreSQL: ${String(error)}`);
    log.info(await Promise.race([stopped, new Promise<string>((resolve) => setTimeout(() => resolve('the embedded PostgreSQL did not confirm its stop within 10 s'), 10_000))]));
  }
  log.info('cluster stopped');
  process.exit(exitCode);
}

function stopChild(name: string, child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      log.warn(`${name} did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`);
      signalGroup(pid, 'SIGKILL');
    }, STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(pid, 'SIGTERM');
  });
}

/** Signals the child's process group (npm and the worker it runs, or tsx and the server). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

main().catch((error: unknown) => {
  log.error(`cluster: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll('start-up failed', 1);
});
