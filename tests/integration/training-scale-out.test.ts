import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createClient } from 'redis';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { trainModel } from '@/engine/playground/train-model';
import { TRAINING_CLIENT_EVENTS } from '@/lib/training/training-events';
import { readStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { ROOT, randomPort, startAppServer, type AppServer } from '../../scripts/support/app-server';
import { createScratchDatabase, type ScratchDatabase } from '../support/databases';
import { TEST_PASSWORD, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectTraining, type TrainingClient } from './training-support';

// Issue 13, training half: two web-only processes (TRAINING_IN_PROCESS=0) and two training
// workers (`npm run worker`, one thread each), real processes on their own database, joined by
// PostgreSQL (pg-boss jobs, run commands over LISTEN/NOTIFY) and Redis (progress through the
// socket.io streams adapter). Redis must answer at 127.0.0.1:6379: without it this test fails.

const REDIS_URL = 'redis://127.0.0.1:6379';
/** The web processes' wall time: a lost run's job expires 40 + 10 + 15 s after its worker took it. */
const WALL_SECONDS = 40;

// About 3–6 s of training on this machine: long enough to be caught mid-run.
const slowMlp = { ...DEFAULT_CONFIGS.mlp, task: 'circle' as const, samples: 2000, hidden: [16, 16], batchSize: 16, epochs: 120 };

interface WorkerProcess {
  process: ChildProcess;
  output: () => string;
}

let database: ScratchDatabase;
let db: PrismaClient;
const webs: AppServer[] = [];
const workers: WorkerProcess[] = [];
const clients: TrainingClient[] = [];

async function assertRedisAnswers(): Promise<void> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1500, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`this test needs Redis at ${REDIS_URL} (.ci/run starts it): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.quit().catch(() => {});
  }
}

/** `node --import tsx` rather than the tsx CLI: the CLI runs the script in a child process, which a SIGKILL of the CLI would leave running. */
function startWorker(databaseUrl: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL, TRAINING_WORKERS: '1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  const worker = { process: child, output: () => output };
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = () => {
      if (output.includes('training worker ready')) return resolve(worker);
      if (child.exitCode !== null) return reject(new Error(`the worker exited with ${child.exitCode}: ${output}`));
      if (Date.now() > deadline) return reject(new Error(`the worker did not start: ${output}`));
      setTimeout(poll, 100);
    };
    poll();
  });
}

/** SIGTERM, then SIGKILL if it has not exited 10 s later. */
async function stopWorker(worker: WorkerProcess): Promise<void> {
  const child = worker.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The worker whose log says it took the run. */
async function workerHolding(runId: string, timeoutMs = 30_000): Promise<WorkerProcess> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const holder = workers.find((worker) => worker.output().includes(`"runId":"${runId}"`) && worker.output().includes('training: took a run'));
    if (holder) return holder;
    if (Date.now() > deadline) throw new Error(`no worker took run ${runId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function createStudent(name: string): Promise<{ email: string }> {
  const email = `scale-${name.toLowerCase()}-${Date.now()}@test.local`;
  await db.user.create({ data: { email, name, passwordHash: await hashPassword(TEST_PASSWORD) } });
  return { email };
}

beforeAll(async () => {
  await assertRedisAnswers();
  database = await createScratchDatabase();
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }) });
  const env = { REDIS_URL, TRAINING_IN_PROCESS: '0', TRAINING_WALL_SECONDS: String(WALL_SECONDS), SEED_SECRET: inject('seedSecret') };
  // One after the other: the first may rebuild the app (sources changed), the second then reuses it.
  for (let i = 0; i < 2; i++) webs.push(await startAppServer({ databaseUrl: database.url, port: randomPort(), authSecret: inject('authSecret'), env }));
  for (let i = 0; i < 2; i++) workers.push(await startWorker(database.url));
}, 300_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all([...workers.map(stopWorker), ...webs.map((web) => web.stop())]);
  await db?.$disconnect();
  await database?.drop();
}, 60_000);

async function connect(cookie: string, web: AppServer): Promise<TrainingClient> {
  const client = await connectTraining(cookie, web.baseUrl);
  clients.push(client);
  return client;
}

describe('training on separate worker processes behind two web processes', () => {
  it('trains a run started on web A in a worker, streams it to web B after a reconnect, and stores the curve bit for bit', { timeout: 120_000 }, async () => {
    const [webA, webB] = webs;
    const student = await createStudent('Ada');
    const cookie = await signIn(student.email, undefined, webA.baseUrl);
    const onA = await connect(cookie, webA);
    const { runId } = expectOk(await onA.start(slowMlp));
    await onA.waitFor(runId, (p) => p.status === 'RUNNING' && p.metrics.length > 0, 60_000);
    const holder = await workerHolding(runId);
    expect(workers).toContain(holder);
    onA.close();

    // The same student, now on the other web process: the run is still there, and so is its stream.
    const onB = await connect(cookie, webB);
    const watched = expectOk(await onB.emit(TRAINING_CLIENT_EVENTS.watch, { runId }));
    expect(['RUNNING', 'COMPLETED']).toContain(watched.progress.status);
    const end = await onB.waitForEnd(runId, 90_000);
    expect(end.status).toBe('COMPLETED');

    const row = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    const stored = readStoredMetrics(row.metrics).metrics;
    expect(stored).toHaveLength(slowMlp.epochs);
    // Whichever worker trained it, the curve is the one this process computes for the same seed.
    const local = trainModel(slowMlp);
    expect(stored.map((m) => [m.loss, m.valAcc])).toStrictEqual(local.metrics.map((m) => [m.loss, m.valAcc]));
    expect(end.finalValAcc).toBe(local.finalValAcc);
  });

  it('stops a run and changes its learning rate and weight decay from the web process that does not train it', { timeout: 120_000 }, async () => {
    const [webA, webB] = webs;
    const student = await createStudent('Bea');
    const cookie = await signIn(student.email, undefined, webB.baseUrl);
    const onB = await connect(cookie, webB);
    const onA = await connect(cookie, webA);
    const { runId } = expectOk(await onA.start({ ...slowMlp, epochs: 400 }));
    await onB.waitFor(runId, (p) => p.metrics.some((m) => m.epoch >= 2), 60_000);
    const changed = expectOk(await onB.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'lr', value: 0.001 }));
    expect(changed.fromEpoch).toBeGreaterThan(1);
    const decayed = expectOk(await onB.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'weightDecay', value: 0.01 }));
    expect(decayed.fromEpoch).toBeGreaterThan(1);
    expect(expectOk(await onB.stop(runId))).toMatchObject({ isStopping: true });
    const end = await onA.waitForEnd(runId, 60_000);
    expect(end).toMatchObject({ status: 'STOPPED', stopReason: 'user' });
    const row = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row.config).toMatchObject({ lrSchedule: [{ lr: 0.001 }], weightDecaySchedule: [{ weightDecay: 0.01 }] });
  });

  it('restarts a run on the other worker when its worker is SIGKILLed mid-run, and the student sees it complete', { timeout: 240_000 }, async () => {
    const [webA] = webs;
    const student = await createStudent('Cy');
    const cookie = await signIn(student.email, undefined, webA.baseUrl);
    const onA = await connect(cookie, webA);
    // About three times the first test's run: still training when its worker is killed.
    const longer = { ...slowMlp, epochs: 360 };
    const { runId } = expectOk(await onA.start(longer));
    await onA.waitFor(runId, (p) => p.status === 'RUNNING' && p.metrics.length > 0, 60_000);
    const holder = await workerHolding(runId);
    const survivor = workers.find((worker) => worker !== holder);
    holder.process.kill('SIGKILL');
    await new Promise((resolve) => holder.process.once('exit', resolve));
    const killedAt = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    expect(killedAt.status).toBe('RUNNING');
    expect(readStoredMetrics(killedAt.metrics).metrics.length).toBeLessThan(longer.epochs);

    // Its job expires (wall time + grace + margin), pg-boss's maintenance fails it, and the
    // other worker takes the retry and trains the run again from its start.
    const end = await onA.waitForEnd(runId, 200_000);
    expect(survivor?.output()).toContain(`"runId":"${runId}"`);
    const row = await db.trainingRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row.status).toBe(end.status);
    // It completes; on a machine so busy that the retry meets the 40 s wall time it ends STOPPED
    // (reason "time") — cleanly either way, with the epochs it trained.
    expect(end.status === 'COMPLETED' || (end.status === 'STOPPED' && end.stopReason === 'time')).toBe(true);
    const stored = readStoredMetrics(row.metrics).metrics;
    if (end.status === 'COMPLETED') expect(stored).toHaveLength(longer.epochs);
    expect(stored.map((m) => m.epoch)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    // Trained again from its start on the other worker: the same numbers as a local run, bit for bit.
    expect(stored.map((m) => [m.loss, m.valAcc])).toStrictEqual(trainModel(longer).metrics.slice(0, stored.length).map((m) => [m.loss, m.valAcc]));
  });
});
