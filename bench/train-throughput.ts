/**
 * Training throughput with 1 vs 2 training-worker processes (issue 13): a class of N students
 * (default 50) each starts one MLP and one CNN run (the playground's default configurations, each
 * student's own seed) at the same moment; runs completed per minute from the first start to the
 * last run's end. Real processes: this process is a web-only runtime (it validates, stores and
 * sends the runs through startRun, as a socket handler would), and `scripts/worker.ts` processes
 * (one thread each) train them, on a scratch database on the machine's PostgreSQL and the
 * machine's Redis.
 *
 * Printed and written into bench/RESULTS.md between <!-- train-throughput:start --> and
 * <!-- train-throughput:end -->.
 *
 *   npm run bench:throughput
 *   npm run bench:throughput -- --students 10 --workers 1,2 --no-write
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { applyMigrations } from '../lib/db/schema-engine';
import { DEFAULT_CONFIGS } from '../engine/playground/default-configs';
import { withDatabaseName, withPgClient } from '../scripts/support/postgres-client';
import { parseBenchArgs } from './support/cli';
import { writeResultsSection } from './support/results-file';

const ROOT = path.resolve(import.meta.dirname, '..');
/** One round may take at most this long; the whole bench stops itself after the last round. */
const ROUND_LIMIT_MS = 15 * 60 * 1000;

const ZArgs = z
  .object({
    students: z.coerce.number().int().min(1).max(100).default(50),
    workers: z
      .string()
      .default('1,2')
      .transform((value) => value.split(',').map(Number))
      .pipe(z.array(z.number().int().min(1).max(8)).min(1)),
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//).default('postgresql://postgres@127.0.0.1:5432/postgres'),
    redisUrl: z.string().url().default('redis://127.0.0.1:6379'),
    write: z.boolean().default(true),
  })
  .strict();

interface Round {
  workers: number;
  runs: number;
  completed: number;
  failed: number;
  seconds: number;
  runsPerMinute: number;
}

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

function startWorker(databaseUrl: string, redisUrl: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, TRAINING_WORKERS: '1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = () => {
      if (output.includes('training worker ready')) return resolve({ child, output: () => output });
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error(`a worker did not start: ${output}`));
      setTimeout(poll, 100);
    };
    poll();
  });
}

async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null) return;
  const exited = new Promise((resolve) => worker.child.once('exit', resolve));
  worker.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(ZArgs, process.argv.slice(2));
  const name = `bpl_throughput_${crypto.randomBytes(4).toString('hex')}`;
  await withPgClient(args.databaseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const databaseUrl = withDatabaseName(args.databaseUrl, name);
  // This process is a web-only process on the scratch database (lib/config.ts reads it on first use).
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = args.redisUrl;
  process.env.LOG_LEVEL ??= 'warn';
  const rounds: Round[] = [];
  try {
    await applyMigrations(databaseUrl);
    const { getDb, disconnectDb } = await import('../lib/db');
    const { createTrainingRuntime } = await import('../lib/training/runtime/training-runtime');
    const { startRun } = await import('../lib/training/runs/start-run');
    const { stopBoss } = await import('../lib/jobs/boss');
    const { closeRunControl } = await import('../lib/training/runtime/run-control');
    const db = getDb();
    const students = await Promise.all(
      Array.from({ length: args.students }, (_, i) => db.user.create({ data: { email: `student${i}@bench.local`, name: `Student ${i}`, passwordHash: 'not-used' }, select: { id: true } })),
    );
    const runtime = createTrainingRuntime({ publisher: { toUser: () => {}, toChallenge: () => {} }, hasWorker: false });
    await runtime.ready;

    for (const workerCount of args.workers) {
      const workers: WorkerProcess[] = [];
      try {
        for (let i = 0; i < workerCount; i++) workers.push(await startWorker(databaseUrl, args.redisUrl));
        const started = performance.now();
        const runIds: string[] = [];
        // Every student presses start on both models at once (their CNN waits for their MLP: one run per user at a time).
        const starts = students.flatMap((student, i) => [
          { userId: student.id, config: { ...DEFAULT_CONFIGS.mlp, seed: 100 + i } },
          { userId: student.id, config: { ...DEFAULT_CONFIGS.cnn, seed: 100 + i } },
        ]);
        for (const start of starts) runIds.push((await startRun({ runtime, userId: start.userId, config: start.config })).runId);
        let done = 0;
        while (done < runIds.length) {
          if (performance.now() - started > ROUND_LIMIT_MS) throw new Error(`round with ${workerCount} workers did not finish within ${ROUND_LIMIT_MS / 60_000} min (${done}/${runIds.length})`);
          await new Promise((resolve) => setTimeout(resolve, 250));
          done = await db.trainingRun.count({ where: { id: { in: runIds }, status: { in: ['COMPLETED', 'STOPPED', 'FAILED'] } } });
        }
        const seconds = (performance.now() - started) / 1000;
        const completed = await db.trainingRun.count({ where: { id: { in: runIds }, status: 'COMPLETED' } });
        const failed = runIds.length - completed;
        rounds.push({ workers: workerCount, runs: runIds.length, completed, failed, seconds, runsPerMinute: (completed / seconds) * 60 });
        console.log(`${workerCount} worker(s): ${completed}/${runIds.length} runs completed in ${seconds.toFixed(1)} s → ${((completed / seconds) * 60).toFixed(1)} runs/min`);
      } finally {
        await Promise.all(workers.map(stopWorker));
      }
    }
    await runtime.close();
    await stopBoss();
    await closeRunControl();
    await disconnectDb();
  } finally {
    await withPgClient(args.databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }

  const one = rounds.find((round) => round.workers === 1);
  const two = rounds.find((round) => round.workers === 2);
  const ratio = one && two ? two.runsPerMinute / one.runsPerMinute : undefined;
  if (ratio !== undefined) console.log(`ratio 2 workers / 1 worker: ${ratio.toFixed(2)}`);
  if (!args.write) return;
  const load = os.loadavg()[0].toFixed(1);
  const markdown = [
    '## Training throughput: worker processes (`npm run bench:throughput`)',
    '',
    `A class of ${args.students} students each starts one MLP (spirals, default knobs, 150 epochs) and one CNN (digits, default knobs, 20 epochs) run at once, each with their own seed; a web-only runtime sends them through pg-boss and \`npm run worker\` processes (one training thread each) train them. Runs completed per minute from the first start to the last end. ${new Date().toISOString().slice(0, 16)} UTC, ${os.availableParallelism()} cores shared with other work (load average ${load} at the end).`,
    '',
    '| workers | runs | completed | failed | wall time (s) | runs per minute |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rounds.map((round) => `| ${round.workers} | ${round.runs} | ${round.completed} | ${round.failed} | ${round.seconds.toFixed(1)} | ${round.runsPerMinute.toFixed(1)} |`),
    '',
    ratio === undefined ? '' : `Ratio 2 workers / 1 worker: **${ratio.toFixed(2)}**. Each run is CPU-bound in its thread, so on this 2-core machine a second worker can at best double throughput; the web side (this process, PostgreSQL, Redis) shares the same cores.`,
  ].join('\n');
  console.log(`wrote ${await writeResultsSection('train-throughput', markdown)}`);
}

main()
  // pg-boss and the pg pools may keep timers alive after they close: the bench ends here.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
