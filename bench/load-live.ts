/**
 * Live sessions under load, end to end: the real app (production build, server.ts) in its own
 * process on a scratch PostgreSQL database, the host in this process, and N socket.io-client
 * students (websocket transport) in one or more separate processes. The students join as guests
 * with the PIN, play `--questions` questions (each answers once, at a random moment of the
 * answer window, a right answer for a share of them), and the host moves through results and
 * leaderboard after every question, then to the podium.
 *
 * Printed and written into bench/RESULTS.md between <!-- live-load:start --> and
 * <!-- live-load:end --> (one row per N; other rows and the rest of the file are left alone):
 *   answers sent / acknowledged / stored in PostgreSQL / lost (acknowledged but not stored),
 *   submit→ack latency p50/p95/p99, question-open and leaderboard broadcast latency to the last
 *   student (host command sent → event received, median and worst over the questions), server CPU
 *   (average share of one core while playing) and peak RSS.
 *
 *   npm run load -- --students 150
 *   npm run load -- --students 2000 --client-processes 2
 *   npm run load -- --students 30 --questions 3 --no-write
 *   npm run load -- --students 2000 --client-processes 2 --web-processes 2 --redis-url redis://127.0.0.1:6379
 *
 * With --web-processes N (needs --redis-url), N app processes share the database and Redis; the
 * host is on the first, student k connects to process k mod N; CPU and peak RSS are summed over
 * the N processes, and the row goes into its own table (<!-- live-load-web-N:start -->).
 *
 * After the exercise questions comes one predict-then-train round (`--no-predict` leaves it out):
 * every student predicts which of RNN and LSTM wins (sequence length 30), the server trains both
 * in its training workers when the predictions close, and while it trains every student taps
 * "too fast" once (live:pace: one SQL statement, acknowledged like an answer; the host's meter is
 * sent coalesced, at most every 300 ms). The
 * acks of those taps, and of the predictions, are the "ack during training" figures: training
 * must not delay them. Written between <!-- live-load-predict:start --> and <!-- live-load-predict:end -->.
 * `--rest-taps` adds the same taps with nothing training (after the last exercise question's
 * result), printed beside them, to tell the taps' own cost from the training's.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_NAMESPACES } from '../lib/realtime/namespaces';
import { z } from 'zod';
import { exerciseTypeIds, solve, type AnswerSpec } from '../engine/exercises/index';
import { liveSeed } from '../lib/live/variants/live-variant';
import { hashPassword } from '../lib/auth/password';
import { applyMigrations } from '../lib/db/schema-engine';
import type { TLiveAck, TPlayerQuestion, TPredictTraining, TQuestionResults } from '../lib/live/protocol/live-payloads';
import { PREDICT_PRESETS } from '../lib/live/protocol/predict-presets';
import { PREDICT_TYPE_ID } from '../lib/live/protocol/predict-setup';
import { startAppServer, type AppServer } from '../scripts/support/app-server';
import { parseBenchArgs } from './support/cli';
import { withDatabaseName, withPgClient } from '../scripts/support/postgres-client';
import { BENCH_PASSWORD, signInOverHttp } from '../scripts/support/sign-in-over-http';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'RESULTS.md');
/** Where a run's row goes: one table per number of web processes. */
function marks(webProcesses: number): { start: string; end: string } {
  const name = webProcesses === 1 ? 'live-load' : `live-load-web-${webProcesses}`;
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}
const PREDICT_MARK_START = '<!-- live-load-predict:start -->';
const PREDICT_MARK_END = '<!-- live-load-predict:end -->';
/** The prediction round's time to predict, in seconds. */
const PREDICT_TIME_S = 20;
/** The whole run stops itself after this long, whatever happens. */
const RUN_LIMIT_MS = 25 * 60 * 1000;

const ZArgs = z.object({
  students: z.coerce.number().int().min(1).max(5000).default(30),
  questions: z.coerce.number().int().min(1).max(30).default(10),
  timeLimitS: z.coerce.number().int().min(10).max(120).default(30),
  /** Each student answers at a uniformly random moment in [min, max] ms after the question arrives. */
  answerMinMs: z.coerce.number().int().min(0).default(1000),
  answerMaxMs: z.coerce.number().int().min(0).default(10_000),
  /** Share of students who compute and send the right answer (the others send a wrong one of the right shape). */
  rightShare: z.coerce.number().min(0).max(1).default(0.5),
  clientProcesses: z.coerce.number().int().min(1).max(8).default(1),
  /** How long the host leaves the results, and then the leaderboard, on screen (a class reads them). */
  pauseMs: z.coerce.number().int().min(0).max(60_000).default(3000),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//).default('postgresql://postgres@127.0.0.1:5432/postgres'),
  redisUrl: z.string().url().optional(),
  webProcesses: z.coerce.number().int().min(1).max(4).default(1),
  write: z.boolean().default(true),
  /** Play a predict-then-train round (RNN vs LSTM) after the questions. */
  predict: z.boolean().default(true),
  /**
   * The same pace taps with no training: every student also taps "too fast" once in the first 3 s
   * after the last exercise question's result (nothing trains then), to tell the taps' own cost from
   * the training's.
   */
  restTaps: z.boolean().default(false),
  role: z.enum(['main', 'students']).default('main'),
});
type TArgs = z.infer<typeof ZArgs>;

function parseArgs(argv: readonly string[]): TArgs {
  return parseBenchArgs(
    ZArgs.strict()
      .refine((args) => args.answerMaxMs >= args.answerMinMs, { message: 'answer-max-ms must be at least answer-min-ms', path: ['answerMaxMs'] })
      .refine((args) => args.answerMaxMs < args.timeLimitS * 1000, { message: 'answers must fit in the time limit', path: ['answerMaxMs'] })
      .refine((args) => args.webProcesses === 1 || args.redisUrl, { message: 'several web processes need --redis-url (the socket.io adapter joins them)', path: ['redisUrl'] }),
    argv,
  );
}

/** Milliseconds on a clock shared by every process on this machine. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

// ---------------------------------------------------------------------------------------------
// Students process: many sockets, driven by the main process over IPC.

interface StudentSpec {
  participantId: string;
  guestToken: string;
  answersRight: boolean;
}

type ToStudents =
  | { type: 'start'; baseUrls: string[]; sessionId: string; students: StudentSpec[]; answerMinMs: number; answerMaxMs: number; restTapIndex: number | null }
  | { type: 'count'; event: 'question' | 'leaderboard'; index: number }
  | { type: 'report' }
  | { type: 'stop' };

interface StudentsReport {
  latencies: number[];
  acked: { participantId: string; index: number; isDuplicate: boolean }[];
  /** Submit→ack latency per question index. */
  latencyByIndex: Record<number, number[]>;
  sent: number;
  errors: Record<string, number>;
  /** Per question index: receive times of the question and of the leaderboard after it. */
  questionAt: Record<number, number[]>;
  leaderboardAt: Record<number, number[]>;
  disconnects: number;
  /** Pace taps sent while a prediction round trained: when sent and how long the ack took. */
  trainTaps: { sentAt: number; ms: number; ok: boolean }[];
  /** Training updates (live:train) received, all students together. */
  trainEvents: number;
  /** --rest-taps: pace taps sent after the last exercise question's result, nothing training. */
  restTaps: { sentAt: number; ms: number; ok: boolean }[];
}

type FromStudents = { type: 'ready'; entered: number; failed: string[] } | { type: 'count'; count: number } | ({ type: 'report' } & StudentsReport);

async function runStudents(): Promise<void> {
  const report: StudentsReport = { latencies: [], latencyByIndex: {}, acked: [], sent: 0, errors: {}, questionAt: {}, leaderboardAt: {}, disconnects: 0, trainTaps: [], trainEvents: 0, restTaps: [] };
  const sockets: Socket[] = [];
  const push = (table: Record<number, number[]>, index: number, at: number) => (table[index] ??= []).push(at);

  process.on('message', async (message: ToStudents) => {
    if (message.type === 'start') {
      const failed: string[] = [];
      let entered = 0;
      const BATCH = 50;
      for (let start = 0; start < message.students.length; start += BATCH) {
        await Promise.all(
          message.students.slice(start, start + BATCH).map(async (student, offset) => {
            const baseUrl = message.baseUrls[(start + offset) % message.baseUrls.length];
            const socket = io(`${baseUrl}${SOCKET_NAMESPACES.live}`, { transports: ['websocket'], forceNew: true, auth: { guestToken: student.guestToken }, reconnectionDelay: 500 });
            sockets.push(socket);
            wireStudent(socket, student, message, report, push);
            try {
              await new Promise<void>((resolve, reject) => {
                socket.once('connect', () => resolve());
                socket.once('connect_error', (error) => reject(error));
              });
              const ack = (await socket.timeout(60_000).emitWithAck('live:enter', { sessionId: message.sessionId })) as TLiveAck<object>;
              if (ack.ok) entered++;
              else failed.push(ack.error.reason);
            } catch (error) {
              failed.push(error instanceof Error ? error.message : String(error));
            }
          }),
        );
      }
      process.send?.({ type: 'ready', entered, failed } satisfies FromStudents);
    } else if (message.type === 'count') {
      const table = message.event === 'question' ? report.questionAt : report.leaderboardAt;
      process.send?.({ type: 'count', count: table[message.index]?.length ?? 0 } satisfies FromStudents);
    } else if (message.type === 'report') {
      process.send?.({ type: 'report', ...report } satisfies FromStudents);
    } else if (message.type === 'stop') {
      for (const socket of sockets) socket.close();
      process.exit(0);
    }
  });
}

function wireStudent(
  socket: Socket,
  student: StudentSpec,
  config: { sessionId: string; answerMinMs: number; answerMaxMs: number; restTapIndex: number | null },
  report: StudentsReport,
  push: (table: Record<number, number[]>, index: number, at: number) => void,
): void {
  const answered = new Set<number>();
  socket.on('disconnect', () => report.disconnects++);
  socket.on('live:question', (question: TPlayerQuestion) => {
    push(report.questionAt, question.index, now());
    if (answered.has(question.index)) return;
    answered.add(question.index);
    const delay = config.answerMinMs + Math.random() * (config.answerMaxMs - config.answerMinMs);
    setTimeout(async () => {
      // A prediction: any of the choices (the outcome is unknown until the server has trained).
      const answer = question.predict && question.answerSpec.kind === 'choice'
        ? question.answerSpec.options[Math.floor(Math.random() * question.answerSpec.options.length)].id
        : student.answersRight
        ? solve(question.typeId, await liveSeed({ sessionId: config.sessionId, questionIndex: question.index, participantId: student.participantId, typeId: question.typeId }))
        : wrongAnswer(question.answerSpec);
      const sentAt = now();
      report.sent++;
      socket
        .timeout(60_000)
        .emitWithAck('live:submit', { sessionId: config.sessionId, questionIndex: question.index, answer })
        .then((ack: TLiveAck<{ isDuplicate: boolean }>) => {
          report.latencies.push(now() - sentAt);
          (report.latencyByIndex[question.index] ??= []).push(now() - sentAt);
          if (ack.ok) report.acked.push({ participantId: student.participantId, index: question.index, isDuplicate: ack.isDuplicate });
          else report.errors[ack.error.reason] = (report.errors[ack.error.reason] ?? 0) + 1;
        })
        .catch(() => {
          report.errors['no-ack'] = (report.errors['no-ack'] ?? 0) + 1;
        });
    }, delay);
  });
  const tapped = new Set<number>();
  socket.on('live:train', (training: TPredictTraining) => {
    report.trainEvents++;
    if (training.status !== 'training' || tapped.has(training.questionIndex)) return;
    tapped.add(training.questionIndex);
    // One "too fast" tap at a random moment of the first 3 s of training.
    setTimeout(() => {
      const sentAt = now();
      socket
        .timeout(60_000)
        .emitWithAck('live:pace', { sessionId: config.sessionId, kind: 'too-fast' })
        .then((ack: TLiveAck<object>) => report.trainTaps.push({ sentAt, ms: now() - sentAt, ok: ack.ok }))
        .catch(() => report.trainTaps.push({ sentAt, ms: Number.NaN, ok: false }));
    }, Math.random() * 3000);
  });
  socket.on('live:result', (result: { questionIndex: number }) => {
    if (result.questionIndex !== config.restTapIndex) return;
    // --rest-taps: one "too fast" tap at a random moment of the first 3 s of the results, nothing training.
    setTimeout(() => {
      const sentAt = now();
      socket
        .timeout(60_000)
        .emitWithAck('live:pace', { sessionId: config.sessionId, kind: 'too-fast' })
        .then((ack: TLiveAck<object>) => report.restTaps.push({ sentAt, ms: now() - sentAt, ok: ack.ok }))
        .catch(() => report.restTaps.push({ sentAt, ms: Number.NaN, ok: false }));
    }, Math.random() * 3000);
  });
  socket.on('live:leaderboard', (board: { afterIndex: number; isFinal: boolean }) => {
    if (!board.isFinal) push(report.leaderboardAt, board.afterIndex, now());
  });
}

/** A wrong answer of the right shape: every number 1.5, the first option, a one-dimension shape. */
function wrongAnswer(spec: AnswerSpec): unknown {
  switch (spec.kind) {
    case 'scalar':
      return 1.5;
    case 'vector':
      return Array.from({ length: spec.length }, () => 1.5);
    case 'matrix':
      return Array.from({ length: spec.rows }, () => Array.from({ length: spec.cols }, () => 1.5));
    case 'tensor': {
      const build = (dims: readonly number[]): unknown => (dims.length === 0 ? 1.5 : Array.from({ length: dims[0] }, () => build(dims.slice(1))));
      return build(spec.shape);
    }
    case 'choice':
      return spec.options[0].id;
    case 'shape':
      return [1];
    case 'fields':
      return Object.fromEntries(Object.entries(spec.fields).map(([name, field]) => [name, wrongAnswer(field)]));
  }
}

// ---------------------------------------------------------------------------------------------
// Main process: database, server, host, orchestration, measurement.

interface StudentsChild {
  child: ChildProcess;
  size: number;
  request: <T extends FromStudents['type']>(message: ToStudents, type: T) => Promise<Extract<FromStudents, { type: T }>>;
}

function startStudentsProcess(): StudentsChild {
  // The students run in their own process (or several) so their CPU is not the host's or the server's.
  const child = fork(fileURLToPath(import.meta.url), ['--role', 'students'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    cwd: ROOT,
  });
  const waiting: { type: string; resolve: (message: FromStudents) => void }[] = [];
  child.on('message', (message: FromStudents) => {
    const index = waiting.findIndex((entry) => entry.type === message.type);
    if (index >= 0) waiting.splice(index, 1)[0].resolve(message);
  });
  return {
    child,
    size: 0,
    request: (message, type) =>
      new Promise((resolve) => {
        waiting.push({ type, resolve: resolve as (message: FromStudents) => void });
        child.send(message);
      }),
  };
}

/** The process that actually serves: tsx runs server.ts in a child of its own. */
function servingPid(server: AppServer): number {
  const parent = server.process.pid;
  if (!parent) throw new Error('the server has no pid');
  const children = execFileSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  return children[0] ?? parent;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

interface HostSocket {
  socket: Socket;
  waitFor: <T>(event: string, predicate: (payload: T) => boolean, timeoutMs: number) => Promise<T>;
  command: (event: string, payload: unknown) => Promise<void>;
}

async function connectHost(baseUrl: string, cookie: string): Promise<HostSocket> {
  const socket = io(`${baseUrl}${SOCKET_NAMESPACES.live}`, { transports: ['websocket'], extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    waitFor: (event, predicate, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.off(event, listener);
          reject(new Error(`host: no ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (payload: Parameters<typeof predicate>[0]) => {
          if (!predicate(payload)) return;
          clearTimeout(timer);
          socket.off(event, listener);
          resolve(payload);
        };
        socket.on(event, listener);
      }),
    command: async (event, payload) => {
      const ack = (await socket.timeout(120_000).emitWithAck(event, payload)) as TLiveAck<object>;
      if (!ack.ok) throw new Error(`host ${event}: ${ack.error.reason} ${ack.error.message}`);
    },
  };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index], index);
      }
    }),
  );
  return results;
}

async function waitForCount(children: StudentsChild[], event: 'question' | 'leaderboard', index: number, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(children.map((entry) => entry.request({ type: 'count', event, index }, 'count')));
    const total = counts.reduce((sum, { count }) => sum + count, 0);
    if (total >= expected || Date.now() > deadline) return total;
    await sleep(100);
  }
}

interface RunResult {
  students: number;
  entered: number;
  questions: number;
  sent: number;
  acked: number;
  stored: number;
  lost: number;
  errors: Record<string, number>;
  ackP50: number;
  ackP95: number;
  ackP99: number;
  openMedian: number;
  openWorst: number;
  leaderboardMedian: number;
  leaderboardWorst: number;
  cpuShare: number;
  peakRssMb: number;
  playSeconds: number;
  disconnects: number;
  /** 1-minute load average when the run started: the machine is shared. */
  loadAverage: number;
  predict: PredictRoundResult | null;
  /** --rest-taps: the pace taps' acks with nothing training (count, p50, p95, max ms). */
  restTaps: { count: number; p50: number; p95: number; max: number } | null;
}

interface PredictRoundResult {
  predictions: number;
  /** Prediction acks (live:submit) of the round: p50 / p95. */
  predictAckP50: number;
  predictAckP95: number;
  /** Seconds from the predictions closing to the outcome (both runs trained in the workers). */
  trainSeconds: number;
  /** Pace taps acknowledged while training, and their ack p50 / p95 / max. */
  taps: number;
  tapsDuringTraining: number;
  tapAckP50: number;
  tapAckP95: number;
  tapAckMax: number;
  trainEvents: number;
  outcome: string | null;
}

async function runMain(args: TArgs): Promise<void> {
  const stopAt = setTimeout(() => {
    console.error(`load-live: stopped after ${RUN_LIMIT_MS / 60_000} min`);
    process.exit(3);
  }, RUN_LIMIT_MS);
  stopAt.unref();

  const loadAverage = os.loadavg()[0];
  const databaseName = `bpl_load_${crypto.randomBytes(4).toString('hex')}`;
  const adminUrl = withDatabaseName(args.databaseUrl, 'postgres');
  const databaseUrl = withDatabaseName(args.databaseUrl, databaseName);
  const servers: AppServer[] = [];
  let host: HostSocket | undefined;
  const children: StudentsChild[] = [];
  let db: pg.Client | undefined;
  const cleanup = async () => {
    host?.socket.close();
    // Closed before the database is dropped: a connection the DROP … FORCE ends would throw unhandled.
    await db?.end().catch(() => {});
    for (const { child } of children) if (child.connected) child.send({ type: 'stop' } satisfies ToStudents);
    await Promise.all(servers.map((server) => server.stop().catch(() => null)));
    await withPgClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).catch(() => {});
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    console.log(`load-live: ${args.students} students, ${args.questions} questions, answers at ${args.answerMinMs}–${args.answerMaxMs} ms, ${args.clientProcesses} student process(es)`);
    await withPgClient(adminUrl, (client) => client.query(`CREATE DATABASE "${databaseName}"`));
    await applyMigrations(databaseUrl);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();

    const instructorId = crypto.randomUUID();
    const classId = crypto.randomUUID();
    const email = `load-host-${crypto.randomBytes(4).toString('hex')}@bench.local`;
    await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", locale) VALUES ($1, $2, 'Load Host', $3, 'en')`, [instructorId, email, await hashPassword(BENCH_PASSWORD)]);
    await db.query(`INSERT INTO "Class" (id, name, "joinCode") VALUES ($1, 'Load class', $2)`, [classId, crypto.randomBytes(4).toString('hex').toUpperCase()]);
    await db.query(`INSERT INTO "Membership" (id, "userId", "classId", role) VALUES ($1, $2, $3, 'INSTRUCTOR')`, [crypto.randomUUID(), instructorId, classId]);

    const env: Record<string, string> = { LOG_LEVEL: 'warn' };
    if (args.redisUrl) env.REDIS_URL = args.redisUrl;
    const authSecret = crypto.randomBytes(32).toString('base64url');
    // One after the other: the first may rebuild the app, the others then reuse the build.
    for (let i = 0; i < args.webProcesses; i++) {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      servers.push(await startAppServer({ databaseUrl, port, authSecret, env }));
    }
    const baseUrl = servers[0].baseUrl;
    const baseUrls = servers.map((server) => server.baseUrl);
    const pids = servers.map(servingPid);
    const cookie = await signInOverHttp(baseUrl, email);

    const typeIds = Array.from({ length: args.questions }, (_, i) => exerciseTypeIds[i % exerciseTypeIds.length]);
    const created = await fetch(`${baseUrl}/api/live/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        classId,
        allowGuests: true,
        questions: [
          ...typeIds.map((typeId) => ({ typeId, timeLimitS: args.timeLimitS })),
          ...(args.predict ? [{ typeId: PREDICT_TYPE_ID, timeLimitS: PREDICT_TIME_S, predict: PREDICT_PRESETS.find((preset) => preset.id === 'rnn-vs-lstm')!.setup }] : []),
        ],
      }),
    });
    if (created.status !== 201) throw new Error(`could not create the session: ${created.status} ${await created.text()}`);
    const { sessionId, pin } = (await created.json()) as { sessionId: string; pin: string };

    host = await connectHost(baseUrl, cookie);
    await host.command('live:host:enter', { sessionId });

    const joinStarted = now();
    const students = await mapLimited(Array.from({ length: args.students }, (_, i) => i), 16, async (i) => {
      const response = await fetch(`${baseUrl}/api/live/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin, nickname: `Student ${i + 1}` }) });
      const body = (await response.json()) as { participantId: string; guestToken: string };
      if (!response.ok) throw new Error(`join failed: ${response.status} ${JSON.stringify(body)}`);
      return { participantId: body.participantId, guestToken: body.guestToken, answersRight: Math.random() < args.rightShare };
    });
    console.log(`load-live: ${students.length} guests joined over HTTP in ${((now() - joinStarted) / 1000).toFixed(1)} s`);

    // The students compute their right answers with the server's seed function, which reads the join order.
    process.env.DATABASE_URL = databaseUrl;
    for (let i = 0; i < args.clientProcesses; i++) children.push(startStudentsProcess());
    const connectStarted = now();
    const readies = await Promise.all(
      children.map((entry, i) => {
        const share = students.filter((_, index) => index % children.length === i);
        entry.size = share.length;
        // Each child's share interleaves the processes: student k of a share goes to process k mod N.
        return entry.request({ type: 'start', baseUrls, sessionId, students: share, answerMinMs: args.answerMinMs, answerMaxMs: args.answerMaxMs, restTapIndex: args.restTaps ? args.questions - 1 : null }, 'ready');
      }),
    );
    const entered = readies.reduce((sum, ready) => sum + ready.entered, 0);
    const failed = readies.flatMap((ready) => ready.failed);
    console.log(`load-live: ${entered} sockets entered in ${((now() - connectStarted) / 1000).toFixed(1)} s${failed.length ? `; failed: ${failed.slice(0, 5).join(', ')}` : ''}`);

    const cpuBefore = sum(pids.map(cpuSeconds));
    const playStarted = now();
    const openSentAt: number[] = [];
    const leaderboardSentAt: number[] = [];
    for (let index = 0; index < args.questions; index++) {
      const results = host.waitFor<TQuestionResults>('live:host:results', (payload) => payload.questionIndex === index, (args.timeLimitS + 60) * 1000);
      openSentAt[index] = now();
      await host.command('live:host:advance', { sessionId, from: index === 0 ? { state: 'LOBBY', index: -1 } : { state: 'LEADERBOARD', index: index - 1 } });
      const got = await results;
      await waitForCount(children, 'question', index, entered, 10_000);
      await sleep(args.pauseMs);
      leaderboardSentAt[index] = now();
      await host.command('live:host:advance', { sessionId, from: { state: 'RESULTS', index } });
      const delivered = await waitForCount(children, 'leaderboard', index, entered, 30_000);
      await sleep(args.pauseMs);
      console.log(`  question ${index + 1}/${args.questions} (${typeIds[index]}): ${got.answered}/${got.joined} answered, ${got.correct} right; leaderboard reached ${delivered}/${entered}`);
    }
    let predictTimes: { closedAt: number; decidedAt: number; outcome: string | null; predictions: number } | null = null;
    if (args.predict) {
      // The prediction round: everyone predicts within 1–10 s, then the server trains RNN and LSTM.
      const index = args.questions;
      const training = host.waitFor<TPredictTraining>('live:host:train', (payload) => payload.questionIndex === index && payload.status === 'training', (PREDICT_TIME_S + 60) * 1000);
      const decided = host.waitFor<TPredictTraining>('live:host:train', (payload) => payload.questionIndex === index && payload.status !== 'training', (PREDICT_TIME_S + 300) * 1000);
      const results = host.waitFor<TQuestionResults>('live:host:results', (payload) => payload.questionIndex === index, (PREDICT_TIME_S + 300) * 1000);
      await host.command('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: index - 1 } });
      await training;
      const closedAt = now();
      const outcome = await decided;
      const decidedAt = now();
      const got = await results;
      predictTimes = { closedAt, decidedAt, outcome: outcome.outcome, predictions: got.answered };
      console.log(`  prediction round (RNN vs LSTM): ${got.answered}/${got.joined} predicted, trained in ${((decidedAt - closedAt) / 1000).toFixed(1)} s, outcome ${outcome.outcome ?? outcome.status}, ${got.correct} right`);
      await sleep(args.pauseMs);
      await host.command('live:host:advance', { sessionId, from: { state: 'RESULTS', index } });
      await sleep(args.pauseMs);
    }
    await host.command('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: args.predict ? args.questions : args.questions - 1 } });
    const playSeconds = (now() - playStarted) / 1000;
    const cpuShare = (sum(pids.map(cpuSeconds)) - cpuBefore) / playSeconds;
    const peak = sum(pids.map(peakRssMb));
    await sleep(2000);

    const reports = await Promise.all(children.map((entry) => entry.request({ type: 'report' }, 'report')));
    const latencies = reports.flatMap((report) => report.latencies).sort((a, b) => a - b);
    const acked = reports.flatMap((report) => report.acked);
    const errors: Record<string, number> = {};
    for (const report of reports) for (const [reason, count] of Object.entries(report.errors)) errors[reason] = (errors[reason] ?? 0) + count;
    const storedRows = await db.query<{ participantId: string; index: number }>(
      `SELECT a."participantId", q.index FROM "LiveAnswer" a JOIN "LiveQuestion" q ON q.id = a."questionId" WHERE q."sessionId" = $1`,
      [sessionId],
    );
    const stored = new Set(storedRows.rows.map((row) => `${row.participantId}:${row.index}`));
    const ackedNew = acked.filter((entry) => !entry.isDuplicate);
    const lost = ackedNew.filter((entry) => !stored.has(`${entry.participantId}:${entry.index}`)).length;
    await db.end();

    const lastArrival = (table: 'questionAt' | 'leaderboardAt', index: number) => Math.max(...reports.flatMap((report) => report[table][index] ?? []));
    const openLatencies = openSentAt.map((sentAt, index) => lastArrival('questionAt', index) - sentAt);
    const leaderboardLatencies = leaderboardSentAt.map((sentAt, index) => lastArrival('leaderboardAt', index) - sentAt);
    const result: RunResult = {
      students: args.students,
      entered,
      questions: args.questions,
      sent: reports.reduce((sum, report) => sum + report.sent, 0),
      acked: acked.length,
      stored: stored.size,
      lost,
      errors,
      ackP50: percentile(latencies, 50),
      ackP95: percentile(latencies, 95),
      ackP99: percentile(latencies, 99),
      openMedian: median(openLatencies),
      openWorst: Math.max(...openLatencies),
      leaderboardMedian: median(leaderboardLatencies),
      leaderboardWorst: Math.max(...leaderboardLatencies),
      cpuShare,
      peakRssMb: peak,
      playSeconds,
      disconnects: reports.reduce((sum, report) => sum + report.disconnects, 0),
      loadAverage,
      predict: predictTimes && summarizePredictRound(reports, args.questions, predictTimes),
      restTaps: args.restTaps ? summarizeTaps(reports.flatMap((report) => report.restTaps)) : null,
    };
    printResult(result);
    if (args.write) writeResult(result, args);
  } finally {
    await cleanup();
  }
}

function summarizeTaps(taps: { ms: number; ok: boolean }[]): { count: number; p50: number; p95: number; max: number } {
  const acked = taps.filter((tap) => tap.ok).map((tap) => tap.ms).sort((a, b) => a - b);
  return { count: acked.length, p50: percentile(acked, 50), p95: percentile(acked, 95), max: acked.at(-1) ?? Number.NaN };
}

function summarizePredictRound(reports: StudentsReport[], index: number, times: { closedAt: number; decidedAt: number; outcome: string | null; predictions: number }): PredictRoundResult {
  const predictAcks = reports.flatMap((report) => report.latencyByIndex[index] ?? []).sort((a, b) => a - b);
  const taps = reports.flatMap((report) => report.trainTaps).filter((tap) => tap.ok);
  const during = taps.filter((tap) => tap.sentAt >= times.closedAt && tap.sentAt + tap.ms <= times.decidedAt).map((tap) => tap.ms).sort((a, b) => a - b);
  return {
    predictions: times.predictions,
    predictAckP50: percentile(predictAcks, 50),
    predictAckP95: percentile(predictAcks, 95),
    trainSeconds: (times.decidedAt - times.closedAt) / 1000,
    taps: taps.length,
    tapsDuringTraining: during.length,
    tapAckP50: percentile(during, 50),
    tapAckP95: percentile(during, 95),
    tapAckMax: during.at(-1) ?? Number.NaN,
    trainEvents: reports.reduce((sum, report) => sum + report.trainEvents, 0),
    outcome: times.outcome,
  };
}

function printResult(result: RunResult): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log('');
  console.log(`students ${result.students} (entered ${result.entered}), questions ${result.questions}, played ${result.playSeconds.toFixed(0)} s`);
  console.log(`answers: sent ${result.sent}, acknowledged ${result.acked}, stored ${result.stored}, lost ${result.lost}`);
  if (Object.keys(result.errors).length > 0) console.log(`refused: ${JSON.stringify(result.errors)}`);
  console.log(`submit→ack: p50 ${ms(result.ackP50)}, p95 ${ms(result.ackP95)}, p99 ${ms(result.ackP99)}`);
  console.log(`question open → last student: median ${ms(result.openMedian)}, worst ${ms(result.openWorst)}`);
  console.log(`leaderboard → last student: median ${ms(result.leaderboardMedian)}, worst ${ms(result.leaderboardWorst)}`);
  console.log(`server: CPU ${(result.cpuShare * 100).toFixed(0)}% of one core while playing, peak RSS ${result.peakRssMb.toFixed(0)} MB; socket disconnects ${result.disconnects}; machine load average at start ${result.loadAverage.toFixed(1)}`);
  const predict = result.predict;
  if (predict) {
    console.log(`prediction round: ${predict.predictions} predictions, ack p50 ${ms(predict.predictAckP50)}, p95 ${ms(predict.predictAckP95)}; trained in ${predict.trainSeconds.toFixed(1)} s (outcome ${predict.outcome ?? 'failed'}), ${predict.trainEvents} training updates received`);
    console.log(`acks during training (pace taps): ${predict.tapsDuringTraining} of ${predict.taps}, p50 ${ms(predict.tapAckP50)}, p95 ${ms(predict.tapAckP95)}, max ${ms(predict.tapAckMax)}`);
  }
  if (result.restTaps) console.log(`acks with nothing training (pace taps after question ${result.questions}'s result): ${result.restTaps.count}, p50 ${ms(result.restTaps.p50)}, p95 ${ms(result.restTaps.p95)}, max ${ms(result.restTaps.max)}`);
}

function writeResult(result: RunResult, args: TArgs): void {
  const row = [
    result.students,
    `${result.sent} / ${result.acked} / ${result.stored}`,
    result.lost,
    result.ackP50.toFixed(1),
    result.ackP95.toFixed(1),
    result.ackP99.toFixed(1),
    `${result.openMedian.toFixed(0)} / ${result.openWorst.toFixed(0)}`,
    `${result.leaderboardMedian.toFixed(0)} / ${result.leaderboardWorst.toFixed(0)}`,
    `${(result.cpuShare * 100).toFixed(0)}%`,
    result.peakRssMb.toFixed(0),
    Object.keys(result.errors).length ? Object.entries(result.errors).map(([reason, count]) => `${reason} ${count}`).join(', ') : '—',
    result.loadAverage.toFixed(1),
    new Date().toISOString().slice(0, 16).replace('T', ' '),
  ];
  const header = [
    '| students | answers sent / acked / stored | lost | ack p50 ms | ack p95 ms | ack p99 ms | question open → last student, median / worst ms | leaderboard → last student, median / worst ms | server CPU (one core = 100%) | server peak RSS MB | refused | load avg at start | run (UTC) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
  ];
  const existing = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, 'utf8') : '# Benchmark results\n';
  const { start: MARK_START, end: MARK_END } = marks(args.webProcesses);
  const start = existing.indexOf(MARK_START);
  const end = existing.indexOf(MARK_END);
  const previous = start >= 0 && end > start ? existing.slice(start, end) : '';
  const rows = new Map<number, string>();
  for (const line of previous.split('\n')) {
    const match = /^\|\s*(\d+)\s*\|/.exec(line);
    if (match) rows.set(Number(match[1]), line);
  }
  rows.set(result.students, `| ${row.join(' | ')} |`);
  const cpu = os.cpus();
  const section = [
    MARK_START,
    args.webProcesses === 1
      ? '## Live sessions under load (`npm run load -- --students N`)'
      : `## Live sessions under load on ${args.webProcesses} web processes and Redis (\`npm run load -- --students N --web-processes ${args.webProcesses} --redis-url …\`)`,
    '',
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} threads), Node ${process.version}; ` +
      (args.webProcesses === 1
        ? 'the server, PostgreSQL and the student processes share it. '
        : `${args.webProcesses} app processes (joined by the socket.io Redis streams adapter; rate limits in Redis), Redis, PostgreSQL and the student processes share it; the host is on the first process, student k on process k mod ${args.webProcesses}; server CPU and peak RSS are summed over the app processes. `) +
      `Each run: ${args.questions} questions of ${args.timeLimitS} s cycling through the exercise types, every student answers each once at a random moment ${args.answerMinMs / 1000}–${args.answerMaxMs / 1000} s after it arrives ` +
      `(${Math.round(args.rightShare * 100)}% with the right answer); the host shows results and then the leaderboard after every question, each for ${args.pauseMs / 1000} s. Latencies are measured across processes on one clock. ` +
      `"lost" = acknowledged as stored but missing from PostgreSQL afterwards.`,
    '',
    ...header,
    ...[...rows.keys()].sort((a, b) => a - b).map((key) => rows.get(key)),
    MARK_END,
  ].join('\n');
  const next = start >= 0 && end > start ? existing.slice(0, start) + section + existing.slice(end + MARK_END.length) : `${existing.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(RESULTS_FILE, result.predict ? withPredictRow(next, result, result.predict) : next);
  console.log(`wrote the row for ${result.students} students into bench/RESULTS.md`);
}

/** The prediction round's row (one per N) in its own section, after the live-load one. */
function withPredictRow(file: string, result: RunResult, predict: PredictRoundResult): string {
  const start = file.indexOf(PREDICT_MARK_START);
  const end = file.indexOf(PREDICT_MARK_END);
  const rows = new Map<number, string>();
  if (start >= 0 && end > start) {
    for (const line of file.slice(start, end).split('\n')) {
      const match = /^\|\s*(\d+)\s*\|/.exec(line);
      if (match) rows.set(Number(match[1]), line);
    }
  }
  const cells = [
    result.students,
    predict.predictions,
    `${predict.predictAckP50.toFixed(1)} / ${predict.predictAckP95.toFixed(1)}`,
    predict.trainSeconds.toFixed(1),
    predict.outcome ?? 'failed',
    `${predict.tapsDuringTraining} / ${predict.taps}`,
    `${predict.tapAckP50.toFixed(1)} / ${predict.tapAckP95.toFixed(1)} / ${predict.tapAckMax.toFixed(1)}`,
    `${result.ackP95.toFixed(1)}`,
    predict.trainEvents,
    result.loadAverage.toFixed(1),
    new Date().toISOString().slice(0, 16).replace('T', ' '),
  ];
  rows.set(result.students, `| ${cells.join(' | ')} |`);
  const section = [
    PREDICT_MARK_START,
    '### Predict, then train under load (`npm run load`, after its questions)',
    '',
    'After the questions, one predict-then-train round: every student predicts which of RNN and LSTM (sequence length 30, 600 samples, 15 epochs) wins; when the 20 s window closes the server trains both through the training service (worker threads, one run at a time for the host) and streams the curves to every student. ' +
      'While it trains, every student taps "too fast" once, at a random moment of the first 3 s (live:pace: one SQL statement per tap; the host’s meter coalesced, at most every 300 ms). "During training" counts the taps sent after the predictions closed and acknowledged before the outcome was announced.',
    '',
    '| students | predictions | prediction ack p50 / p95 ms | training s | outcome | taps during training / all | ack during training p50 / p95 / max ms | all answers ack p95 ms | training updates received | load avg at start | run (UTC) |',
    '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...[...rows.keys()].sort((a, b) => a - b).map((key) => rows.get(key)),
    PREDICT_MARK_END,
  ].join('\n');
  if (start >= 0 && end > start) return file.slice(0, start) + section + file.slice(end + PREDICT_MARK_END.length);
  const loadEnd = marks(1).end;
  const after = file.indexOf(loadEnd);
  return after >= 0 ? `${file.slice(0, after + loadEnd.length)}\n\n${section}${file.slice(after + loadEnd.length)}` : `${file.trimEnd()}\n\n${section}\n`;
}

/**
 * Every socket is a file descriptor (in the students' process and again in the server's). Node
 * cannot raise its own limit, so the main process re-runs itself once under `ulimit -n <hard limit>`;
 * the server and student processes inherit it.
 */
function ensureOpenFileLimit(needed: number): void {
  const limits = fs.readFileSync('/proc/self/limits', 'utf8');
  const match = /Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/.exec(limits);
  if (!match || match[1] === 'unlimited' || Number(match[1]) >= needed || process.env.BPL_LOAD_ULIMIT_RAISED) return;
  const hard = match[2] === 'unlimited' ? String(Math.max(needed, 65_536)) : match[2];
  if (Number(hard) < needed) console.warn(`load-live: the hard open-file limit (${hard}) is below the ${needed} this run needs; connections may fail`);
  const command = `ulimit -n ${hard} && exec "$@"`;
  try {
    execFileSync('/bin/sh', ['-c', command, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, BPL_LOAD_ULIMIT_RAISED: '1' },
    });
    process.exit(0);
  } catch (error) {
    process.exit(typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 1);
  }
}

const args = parseArgs(process.argv.slice(2));
// The bench's server and the forked students (who inherit the environment) share one seed secret.
if (args.role === 'main') process.env.SEED_SECRET ??= crypto.randomBytes(32).toString('base64url');
if (args.role === 'main') ensureOpenFileLimit(args.students * 2 + 1024);
if (args.role === 'students') {
  void runStudents();
} else {
  runMain(args).then(
    // Explicitly: a socket.io client's reconnection timers would otherwise keep the process alive.
    () => process.exit(0),
    (error: unknown) => {
      console.error(`load-live failed: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    },
  );
}
