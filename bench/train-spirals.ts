/**
 * The playground's two benchmarks, written into bench/RESULTS.md between <!-- training:start -->
 * and <!-- training:end --> (the rest of the file is left alone).
 *
 * 1. Time to train the playground's MLP (2 → 16 → 16 → 1, ReLU, Adam lr 0.03, batch 32) on the
 *    standard two-spirals data to ≥ 95 % validation accuracy: the engine (the playground's own
 *    training loop) against TensorFlow.js on its CPU backend, in the same process, with the same
 *    data, the same split, the same initial weights (copied from the engine's seeded init), the
 *    same mini-batch order and the same optimiser settings. Several seeds; medians reported.
 *
 * 2. Concurrent training jobs against a live session's latency: an app server (production build,
 *    scratch database) with TRAINING_WORKERS = N keeps N heavy runs training (N students, each
 *    restarting when a run ends), while (a) this process measures socket round trips to that same
 *    server (event `training:watch`: event loop + one PostgreSQL read) and (b) bench/load-live.ts,
 *    the live-session load test, plays a small live session on its own server on this machine.
 *
 *   npm run bench:train                          # both parts, updates RESULTS.md
 *   npm run bench:train -- --part race --seeds 3 --no-write
 *   npm run bench:train -- --part load --jobs 0,1,2
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_NAMESPACES } from '../lib/realtime/namespaces';
import { z } from 'zod';
import * as tf from '@tensorflow/tfjs';
import { hashPassword } from '../lib/auth/password';
import { applyMigrations } from '../lib/db/schema-engine';
import { generatePlaneDataset } from '../engine/playground/datasets/plane';
import { DEFAULT_CONFIGS } from '../engine/playground/default-configs';
import { TRAINING_CLIENT_EVENTS, TRAINING_SERVER_EVENTS } from '../lib/training/training-events';
import type { TrainingAckOf } from '../lib/training/training-protocol';
import type { RunProgress } from '../engine/playground/types';
import { randomPort, startAppServer, type AppServer } from '../scripts/support/app-server';
import { withDatabaseName } from '../scripts/support/postgres-client';
import { writeResultsSection } from './support/results-file';
import { parseBenchArgs } from './support/cli';
import { BENCH_PASSWORD, signInOverHttp } from '../scripts/support/sign-in-over-http';
import { raceConfig, raceEngine, raceTf, TARGET_ACC, type RaceResult } from './support/spirals-race';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Latency targets assumed for a live session: an answer acknowledged fast, a broadcast reaching everyone within a second. */
const LIVE_TARGETS = { ackP95Ms: 250, broadcastWorstMs: 1000 };

const ZArgs = z.object({
  part: z.enum(['race', 'load', 'both']).default('both'),
  seeds: z.coerce.number().int().min(1).max(20).default(5),
  maxEpochs: z.coerce.number().int().min(10).max(2000).default(400),
  jobs: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .default('0,1,2,3')
    .transform((value) => value.split(',').map(Number)),
  /** Socket round trips measured per job count. */
  pings: z.coerce.number().int().min(10).max(10_000).default(200),
  liveStudents: z.coerce.number().int().min(1).max(2000).default(30),
  liveQuestions: z.coerce.number().int().min(1).max(10).default(3),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//).default('postgresql://postgres@127.0.0.1:5432/postgres'),
  write: z.boolean().default(true),
});
type TArgs = z.infer<typeof ZArgs>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const median = (values: readonly number[]) => percentile(values, 50);

// ---------------------------------------------------------------------------------------------
// Part 1: engine vs TensorFlow.js, same model, same data, same start, same batches.

async function runRace(args: TArgs): Promise<string> {
  await tf.setBackend('cpu');
  await tf.ready();
  const engine: RaceResult[] = [];
  const tfjs: RaceResult[] = [];
  // Warm-up (JIT, TF.js kernels), not recorded.
  raceEngine(raceConfig(1000), 20);
  raceTf(raceConfig(1000), 20);
  for (let seed = 1; seed <= args.seeds; seed++) {
    const config = raceConfig(seed);
    // Alternate who goes first so neither always meets a warmer (or busier) machine.
    let pair: [RaceResult, RaceResult];
    if (seed % 2 === 1) {
      const e = raceEngine(config, args.maxEpochs);
      pair = [e, raceTf(config, args.maxEpochs)];
    } else {
      const t = raceTf(config, args.maxEpochs);
      pair = [raceEngine(config, args.maxEpochs), t];
    }
    engine.push(pair[0]);
    tfjs.push(pair[1]);
    const show = (r: RaceResult) => (r.epochs === null ? `not reached in ${args.maxEpochs} epochs` : `${r.epochs} epochs, ${(r.ms ?? 0).toFixed(0)} ms`);
    console.log(`seed ${seed}: engine ${show(pair[0])} (${pair[0].msPerEpoch.toFixed(1)} ms/epoch); tfjs-cpu ${show(pair[1])} (${pair[1].msPerEpoch.toFixed(1)} ms/epoch)`);
  }
  const summary = (results: RaceResult[]) => {
    const reached = results.filter((r) => r.ms !== null);
    return {
      reached: `${reached.length}/${results.length}`,
      epochs: reached.length > 0 ? median(reached.map((r) => r.epochs ?? 0)).toFixed(0) : '—',
      ms: reached.length > 0 ? median(reached.map((r) => r.ms ?? 0)).toFixed(0) : '—',
      perEpoch: median(results.map((r) => r.msPerEpoch)).toFixed(2),
    };
  };
  const e = summary(engine);
  const t = summary(tfjs);
  const data = generatePlaneDataset(raceConfig(1));
  return [
    `**Time to ≥ ${TARGET_ACC * 100} % validation accuracy on two spirals** (${data.train.y.length} training / ${data.val.y.length} validation points, noise 0.05; MLP 2 → 16 → 16 → 1 ReLU, 337 parameters; Adam lr 0.03, batch 32; seeds 1–${args.seeds}, medians; ${new Date().toISOString().slice(0, 16)} UTC, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}):`,
    '',
    '| implementation | runs reaching 95 % | epochs to 95 % | time to 95 % (ms) | ms per epoch |',
    '| --- | --- | --- | --- | --- |',
    `| engine (float64, the playground's loop) | ${e.reached} | ${e.epochs} | ${e.ms} | ${e.perEpoch} |`,
    `| TensorFlow.js 4.22 cpu backend (float32) | ${t.reached} | ${t.epochs} | ${t.ms} | ${t.perEpoch} |`,
    '',
    'Per seed (epochs to 95 %, engine / tfjs): ' + engine.map((r, i) => `seed ${r.seed}: ${r.epochs ?? '—'} / ${tfjs[i].epochs ?? '—'}`).join('; ') + '.',
    'Both start from the same weights and see the same batches, so the epoch counts differ only through float32 vs float64 rounding.',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Part 2: N concurrent training jobs on this machine vs live-session latency.

type LoadRow = { jobs: number; epochsPerSecond: number; pingP50: number; pingP95: number; pingP99: number; live: Record<string, string>; isWithinTargets: boolean };

/** Reads "p95 17.2 ms" / "worst 55.6 ms" out of load-live's summary lines. */
function number(text: string, label: string): number {
  const match = new RegExp(`${label} ([\\d.]+) ms`).exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

function meetsTargets(live: Record<string, string>): boolean {
  return number(live.ack, 'p95') <= LIVE_TARGETS.ackP95Ms && number(live.open, 'worst') <= LIVE_TARGETS.broadcastWorstMs && number(live.leaderboard, 'worst') <= LIVE_TARGETS.broadcastWorstMs;
}

/** The heavy run every job trains: big enough that it runs into the wall-time limit. */
const HEAVY = { ...DEFAULT_CONFIGS.mlp, samples: 2000, hidden: [32, 32, 32], epochs: 500 };

async function createUsers(databaseUrl: string, count: number): Promise<{ email: string }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const hash = await hashPassword(BENCH_PASSWORD);
    const users: { email: string }[] = [];
    for (let i = 0; i < count; i++) {
      const email = `trainer-${i}-${crypto.randomBytes(3).toString('hex')}@bench.local`;
      await client.query('INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, $3, $4)', [crypto.randomUUID(), email, `Trainer ${i}`, hash]);
      users.push({ email });
    }
    return users;
  } finally {
    await client.end();
  }
}

/** A student who keeps one heavy run training: starts another whenever the last one ends. */
async function keepTraining(baseUrl: string, cookie: string, epochCounter: { epochs: number }): Promise<{ socket: Socket; lastRun: () => string | null }> {
  const socket = io(`${baseUrl}${SOCKET_NAMESPACES.training}`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  let current: string | null = null;
  const startOne = async () => {
    const ack: TrainingAckOf<typeof TRAINING_CLIENT_EVENTS.start> = await socket.timeout(30_000).emitWithAck(TRAINING_CLIENT_EVENTS.start, { config: HEAVY });
    if (!ack.ok) throw new Error(`could not start a run: ${ack.error.message}`);
    current = ack.runId;
  };
  socket.on(TRAINING_SERVER_EVENTS.progress, (progress: RunProgress) => {
    epochCounter.epochs += progress.metrics.length;
    if (progress.runId === current && ['COMPLETED', 'STOPPED', 'FAILED'].includes(progress.status)) void startOne();
  });
  await startOne();
  return { socket, lastRun: () => current };
}

/** Round trips of `training:watch` (socket → event loop → PostgreSQL → ack), one every 25 ms. */
async function measurePings(socket: Socket, runId: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await socket.timeout(30_000).emitWithAck(TRAINING_CLIENT_EVENTS.watch, { runId });
    times.push(performance.now() - started);
    await sleep(25);
  }
  return times;
}

/**
 * Runs bench/load-live.ts once (its own server, on this machine) and picks its summary lines. The
 * script can linger after printing its summary (open handles), so it is ended once the last line
 * ("server: …") is in, or after 10 minutes whatever happens.
 */
function runLiveLoad(args: TArgs): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bench/load-live.ts', '--students', String(args.liveStudents), '--questions', String(args.liveQuestions), '--time-limit-s', '15', '--answer-min-ms', '500', '--answer-max-ms', '6000', '--no-write'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    let isDone = false;
    const finish = () => {
      if (isDone) return;
      isDone = true;
      clearTimeout(limit);
      const pick = (prefix: string) => out.split('\n').find((line) => line.startsWith(prefix))?.slice(prefix.length).trim() ?? '—';
      resolve({ answers: pick('answers:'), ack: pick('submit→ack:'), open: pick('question open → last student:'), leaderboard: pick('leaderboard → last student:'), server: pick('server:') });
      // SIGINT lets the script clean up its server and scratch database.
      setTimeout(() => child.kill('SIGINT'), 5_000).unref();
    };
    const limit = setTimeout(finish, 10 * 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^server: .*$/m.test(out)) finish();
    });
    child.on('exit', finish);
  });
}

async function runLoad(args: TArgs): Promise<string> {
  const rows: LoadRow[] = [];
  for (const jobs of args.jobs) {
    const name = `bpl_bench_train_${crypto.randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: args.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const databaseUrl = withDatabaseName(args.databaseUrl, name);
    let server: AppServer | undefined;
    const sockets: Socket[] = [];
    try {
      await applyMigrations(databaseUrl);
      server = await startAppServer({ databaseUrl, port: randomPort(), authSecret: crypto.randomBytes(24).toString('hex'), env: { TRAINING_WORKERS: String(Math.max(1, jobs)) } });
      const users = await createUsers(databaseUrl, Math.max(1, jobs) + 1);
      const counter = { epochs: 0 };
      for (const user of users.slice(0, jobs)) {
        const trainer = await keepTraining(server.baseUrl, await signInOverHttp(server.baseUrl, user.email), counter);
        sockets.push(trainer.socket);
      }
      // The probe: a user with one tiny finished run to watch.
      const probeCookie = await signInOverHttp(server.baseUrl, users[users.length - 1].email);
      const probe = io(`${server.baseUrl}${SOCKET_NAMESPACES.training}`, { transports: ['websocket'], extraHeaders: { cookie: probeCookie }, forceNew: true });
      sockets.push(probe);
      await new Promise<void>((resolve) => probe.once('connect', () => resolve()));
      const tiny: TrainingAckOf<typeof TRAINING_CLIENT_EVENTS.start> = await probe.timeout(30_000).emitWithAck(TRAINING_CLIENT_EVENTS.start, { config: { ...DEFAULT_CONFIGS.perceptron, epochs: 1 } });
      if (!tiny.ok) throw new Error(tiny.error.message);
      await sleep(3_000);
      counter.epochs = 0;
      const started = performance.now();
      const [pings, live] = await Promise.all([measurePings(probe, tiny.runId, args.pings), runLiveLoad(args)]);
      const seconds = (performance.now() - started) / 1000;
      const row = { jobs, epochsPerSecond: counter.epochs / seconds, pingP50: percentile(pings, 50), pingP95: percentile(pings, 95), pingP99: percentile(pings, 99), live, isWithinTargets: meetsTargets(live) };
      rows.push(row);
      console.log(`${jobs} jobs: ${row.epochsPerSecond.toFixed(1)} epochs/s; watch round trip p50 ${row.pingP50.toFixed(1)} ms, p95 ${row.pingP95.toFixed(1)} ms, p99 ${row.pingP99.toFixed(1)} ms; live: ack ${live.ack}; open ${live.open}; leaderboard ${live.leaderboard}`);
    } finally {
      for (const socket of sockets) socket.close();
      await server?.stop();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
  }
  return [
    `**Concurrent training jobs vs live-session latency** (${new Date().toISOString().slice(0, 16)} UTC, ${os.cpus().length} cores; each job: MLP 2 → 32 → 32 → 32 → 1 on 1,500 spiral points, restarted when it ends; TRAINING_WORKERS = N; live session: \`bench/load-live.ts --students ${args.liveStudents} --questions ${args.liveQuestions}\` on its own app server on the same machine; round trip: \`training:watch\` to the training server itself, every 25 ms):`,
    '',
    '| training jobs | epochs/s (all jobs) | training server round trip p50 / p95 / p99 ms | live submit→ack | live question open → last student | live leaderboard → last student | live within targets | live server |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.jobs} | ${r.epochsPerSecond.toFixed(1)} | ${r.pingP50.toFixed(1)} / ${r.pingP95.toFixed(1)} / ${r.pingP99.toFixed(1)} | ${r.live.ack} | ${r.live.open} | ${r.live.leaderboard} | ${r.isWithinTargets ? 'yes' : 'no'} | ${r.live.server} |`),
    '',
    `Targets assumed for the live session: submit→ack p95 ≤ ${LIVE_TARGETS.ackP95Ms} ms, question and leaderboard broadcasts reach the last student within ${LIVE_TARGETS.broadcastWorstMs} ms. ` +
      (rows.some((r) => r.isWithinTargets)
        ? `Largest number of concurrent training jobs measured within them: ${Math.max(...rows.filter((r) => r.isWithinTargets).map((r) => r.jobs))} (the default pool on this machine runs ${Math.max(1, os.availableParallelism() - 1)}; more runs wait in the queue).`
        : 'No row met them.'),
    'The machine is shared (other engineers\' builds and tests ran at the same time), so single rows are noisy; throughput stops growing at the number of cores.',
  ].join('\n');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(ZArgs.strict(), process.argv.slice(2));
  const parts: string[] = ['## Model playground: training'];
  if (args.part !== 'load') parts.push(await runRace(args));
  if (args.part !== 'race') parts.push(await runLoad(args));
  const section = parts.join('\n\n');
  if (args.write) console.log(`wrote ${await writeResultsSection('training', section)}`);
  else console.log(`\n${section}`);
}

await main();
