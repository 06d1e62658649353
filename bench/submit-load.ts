/**
 * The submit endpoint under a class of concurrent students, end to end: the real app (production
 * build, server.ts) on a scratch PostgreSQL database, real next-auth sessions, real HTTP.
 *
 * Three scenarios, each with its own students (the per-student rate limit is 30 a minute), after
 * a warm-up that is not measured (a server that has run for a while has compiled its hot code):
 *   solo      — one student, one request at a time: the cost of a submit without contention;
 *   classroom — every student submits, reads the feedback for a moment (think time), submits again;
 *   burst     — every student submits again the instant the answer arrives (no think time): the
 *               worst case, far beyond what a class does, to show where the server saturates.
 * Each student works through rounds as a real one would (right at once; wrong then right; three
 * wrong), and every tenth submission is sent twice at the same moment (a double click) to check
 * that a repeat is answered from the stored attempt. Afterwards the database must hold exactly
 * the attempts the server acknowledged as new.
 *
 * Prints a table and writes it into bench/RESULTS.md between <!-- submit:start --> and
 * <!-- submit:end --> (the rest of the file is left alone).
 *
 *   npm run bench:submit                                   # 50 students × 20 submissions per scenario
 *   npm run bench:submit -- --students 20 --submissions 10 --no-write
 *   npm run bench:submit -- --database-url postgresql://postgres@127.0.0.1:5432/postgres
 */
import crypto from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { exerciseTypeIds, generate, solve } from '../engine/exercises/index';
import { seedForStudent } from '../lib/exercises/keyed-seeds';
import { hashPassword } from '../lib/auth/password';
import { applyMigrations } from '../lib/db/schema-engine';
import { ensureBuild } from '../lib/server/ensure-build';
import { startAppServer, type AppServer } from '../scripts/support/app-server';
import { wrongAnswer } from '../scripts/support/wrong-answer';
import { writeResultsSection } from './support/results-file';
import { quantile } from './support/stats';
import { parseBenchArgs } from './support/cli';
import { withDatabaseName, withPgClient } from '../scripts/support/postgres-client';
import { BENCH_PASSWORD, signInOverHttp } from '../scripts/support/sign-in-over-http';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_P95_MS = 50;

const ZBenchArgs = z.object({
  students: z.coerce.number().int().min(1).max(500).default(50),
  /** Per student and scenario; at most 25 so a student stays under the 30-a-minute limit with the repeats. */
  submissions: z.coerce.number().int().min(1).max(25).default(20),
  /** Classroom think time between a student's submissions, uniformly random in [min, max] ms. */
  thinkMinMs: z.coerce.number().int().min(0).max(60_000).default(500),
  thinkMaxMs: z.coerce.number().int().min(0).max(60_000).default(2000),
  scenarios: z.enum(['all', 'solo', 'classroom', 'burst']).default('all'),
  /** Any database on the PostgreSQL server to use; a scratch database is created next to it and dropped. */
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').default('postgresql://postgres@127.0.0.1:5432/postgres'),
  write: z.boolean().default(true),
});
type TBenchArgs = z.infer<typeof ZBenchArgs>;

function parseArgs(argv: readonly string[]): TBenchArgs {
  return parseBenchArgs(
    ZBenchArgs.strict().refine((args) => args.thinkMaxMs >= args.thinkMinMs, { message: 'think-max-ms must be at least think-min-ms', path: ['thinkMaxMs'] }),
    argv,
  );
}

interface Student {
  id: string;
  email: string;
  cookie: string;
  typeId: string;
}

/** One planned request: the body is built before the clock starts, so the client's CPU stays out of the way. */
interface PlannedSubmit {
  body: string;
  /** Sent twice at once, like a double click: the second must be a replay. */
  isDoubled: boolean;
  /** The round's last answer: the student then asks for the next variant ("New variant"), as the page does. */
  endsRound: boolean;
}

interface Sample {
  ms: number;
  status: number;
  isReplay: boolean;
}

interface ScenarioResult {
  name: string;
  students: number;
  samples: Sample[];
  wallMs: number;
  acknowledgedNew: number;
  stored: number;
}

// ---------------------------------------------------------------------------------------------
// Setup: scratch database, app server, students with sessions

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function createStudents(databaseUrl: string, count: number, typeIds: readonly string[], label: string): Promise<Omit<Student, 'cookie'>[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const students = Array.from({ length: count }, (_, i) => ({
    id: `bench_${label}_${i}_${crypto.randomBytes(4).toString('hex')}`,
    email: `bench-${label}-${i}-${crypto.randomBytes(3).toString('hex')}@bench.local`,
    typeId: typeIds[i % typeIds.length],
  }));
  await withPgClient(databaseUrl, async (client) => {
    for (const student of students) {
      await client.query('INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, $3, $4)', [student.id, student.email, student.email, passwordHash]);
    }
  });
  return students;
}

/** Sign-ins check argon2 hashes: a few at a time, before any clock starts. */
async function signInStudents(baseUrl: string, created: Omit<Student, 'cookie'>[]): Promise<Student[]> {
  const students: Student[] = [];
  for (let i = 0; i < created.length; i += 5) {
    const batch = created.slice(i, i + 5);
    students.push(...(await Promise.all(batch.map(async (student) => ({ ...student, cookie: await signInOverHttp(baseUrl, student.email) })))));
  }
  return students;
}

// ---------------------------------------------------------------------------------------------
// The plan: what each student submits, round by round

/** Round r: right at once; wrong then right; three wrong — and again. */
const ROUND_PATTERNS: readonly (readonly boolean[])[] = [[true], [false, true], [false, false, false]];

function planSubmissions(student: Omit<Student, 'cookie'>, count: number): PlannedSubmit[] {
  const plan: PlannedSubmit[] = [];
  for (let round = 0; plan.length < count; round++) {
    const seed = seedForStudent(student.id, student.typeId, round);
    const expected = solve(student.typeId, seed);
    const spec = generate(student.typeId, seed).answer;
    const pattern = ROUND_PATTERNS[round % ROUND_PATTERNS.length];
    for (const [index, isRight] of pattern.entries()) {
      if (plan.length === count) break;
      const answer = isRight ? expected : wrongAnswer(spec, expected);
      const body = JSON.stringify({ answer, round, clientSubmissionId: crypto.randomUUID() });
      plan.push({ body, isDoubled: plan.length % 10 === 9, endsRound: index === pattern.length - 1 });
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Running a scenario

async function post(baseUrl: string, student: Student, body: string): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/exercises/${student.typeId}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: student.cookie },
    body,
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, isReplay: response.headers.get('idempotent-replayed') === 'true' };
}

/** The student's current variant, as the exercise page loads it (first visit, "New variant"): not timed. */
async function loadVariant(baseUrl: string, student: Student): Promise<void> {
  const response = await fetch(`${baseUrl}/api/exercises/${student.typeId}`, { headers: { cookie: student.cookie } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET /api/exercises/${student.typeId} answered ${response.status}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runScenario(options: { name: string; baseUrl: string; databaseUrl: string; students: Student[]; plans: PlannedSubmit[][]; think: () => number }): Promise<ScenarioResult> {
  const { name, baseUrl, databaseUrl, students, plans, think } = options;
  const samples: Sample[] = [];
  const started = performance.now();
  await Promise.all(
    students.map(async (student, index) => {
      // In the classroom, students start within the first think time, not on one millisecond.
      await sleep(Math.random() * think());
      for (const planned of plans[index]) {
        const sent = planned.isDoubled ? await Promise.all([post(baseUrl, student, planned.body), post(baseUrl, student, planned.body)]) : [await post(baseUrl, student, planned.body)];
        samples.push(...sent);
        // A finished round: the student presses "New variant", which draws the next round's numbers.
        if (planned.endsRound) await loadVariant(baseUrl, student);
        const pause = think();
        if (pause > 0) await sleep(pause);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const stored = await withPgClient(databaseUrl, async (client) => {
    const result = await client.query<{ count: string }>('SELECT count(*) FROM "Attempt" WHERE "userId" = ANY($1)', [students.map((student) => student.id)]);
    return Number(result.rows[0].count);
  });
  const acknowledgedNew = samples.filter((sample) => sample.status === 200 && !sample.isReplay).length;
  return { name, students: students.length, samples, wallMs, acknowledgedNew, stored };
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

function describeScenario(result: ScenarioResult) {
  const ok = result.samples.filter((sample) => sample.status === 200);
  const sorted = ok.map((sample) => sample.ms).sort((a, b) => a - b);
  const failures = result.samples.filter((sample) => sample.status !== 200);
  const statuses = [...new Set(failures.map((sample) => sample.status))].map((status) => `${status}×${failures.filter((s) => s.status === status).length}`).join(', ');
  return {
    requests: result.samples.length,
    replays: ok.filter((sample) => sample.isReplay).length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    throughput: result.samples.length / (result.wallMs / 1000),
    failures: failures.length === 0 ? 'none' : statuses,
    isConsistent: result.stored === result.acknowledgedNew,
  };
}

function buildSection(args: TBenchArgs, results: ScenarioResult[], loadAtStart: number): string {
  const rows = results.map((result) => {
    const d = describeScenario(result);
    const verdict = d.p95 < TARGET_P95_MS ? 'yes' : 'no';
    return `| ${result.name} | ${result.students} | ${d.requests} (${d.replays} repeats) | ${fmt(d.p50)} | ${fmt(d.p95)} | ${fmt(d.p99)} | ${fmt(d.max)} | ${d.throughput.toFixed(0)} | ${d.failures} | ${result.stored} / ${result.acknowledgedNew} ${d.isConsistent ? '✓' : '✗'} | ${verdict} |`;
  });
  return [
    '## Exercise submit under load',
    '',
    `Date: ${new Date().toISOString().slice(0, 10)} · CPU: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} threads, shared by the app server, PostgreSQL and this client) · Node ${process.version} · 1-min load average at start ${loadAtStart.toFixed(2)} · \`npm run bench:submit\`.`,
    '',
    `Real app (production build, one server.ts process) on a scratch PostgreSQL database; every student a real next-auth session, submitting ${args.submissions} answers to \`POST /api/exercises/{typeId}/submit\` (students spread over all ${exerciseTypeIds.length} exercise types; rounds: right at once / wrong then right / three wrong). Every tenth submission is sent twice at once (a double click): the repeat must come back from the stored attempt. After a round's last answer the student loads the next variant (\`GET /api/exercises/{typeId}\`, as the page's "New variant" does; not timed), so the next round's numbers are drawn there, not in the submit. Latency = request sent → response read, by the client, for 200 responses. Solo: one student, one request at a time. Classroom: think time ${args.thinkMinMs}–${args.thinkMaxMs} ms between a student's submissions. Burst: none. A warm-up (${exerciseTypeIds.length} students, 12 submissions each) runs first and is not measured.`,
    '',
    `| scenario | students | requests | p50 ms | p95 ms | p99 ms | max ms | req/s | non-200 | attempts stored / acknowledged | p95 < ${TARGET_P95_MS} ms |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
    ...rows,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // The bench's server and its simulated students share one seed secret (it starts that server).
  process.env.SEED_SECRET ??= crypto.randomBytes(32).toString('base64url');
  const loadAtStart = os.loadavg()[0];
  const scratchName = `bpl_bench_${crypto.randomBytes(4).toString('hex')}`;
  const adminUrl = args.databaseUrl;
  const databaseUrl = withDatabaseName(adminUrl, scratchName);
  let server: AppServer | undefined;

  try {
    await withPgClient(adminUrl, (client) => client.query(`CREATE DATABASE "${scratchName}"`));
  } catch (error) {
    console.error(`cannot create a scratch database on ${new URL(adminUrl).host}: ${(error as Error).message}\n(pass --database-url postgresql://user@host:port/db of a server where you may CREATE DATABASE)`);
    process.exit(1);
  }
  try {
    await applyMigrations(databaseUrl);
    ensureBuild(ROOT, (message) => console.log(`[bench] ${message}`));
    const port = await freePort();
    server = await startAppServer({ databaseUrl, port, authSecret: crypto.randomBytes(32).toString('base64url'), env: { LOG_LEVEL: 'warn' } });
    const baseUrl = server.baseUrl;
    console.log(`[bench] app at ${baseUrl}, database ${scratchName}`);

    // Warm-up, not measured: one student per type works through a few rounds.
    const warmUp = await signInStudents(baseUrl, await createStudents(databaseUrl, exerciseTypeIds.length, exerciseTypeIds, 'warmup'));
    await runScenario({ name: 'warm-up', baseUrl, databaseUrl, students: warmUp, plans: warmUp.map((student) => planSubmissions(student, 12)), think: () => 0 });

    const scenarios = args.scenarios === 'all' ? (['solo', 'classroom', 'burst'] as const) : [args.scenarios];
    const results: ScenarioResult[] = [];
    for (const name of scenarios) {
      const count = name === 'solo' ? 1 : args.students;
      const students = await signInStudents(baseUrl, await createStudents(databaseUrl, count, exerciseTypeIds, name));
      const plans = students.map((student) => planSubmissions(student, args.submissions));
      // Every student loads their variant once first, as the page would.
      await Promise.all(students.map((student) => loadVariant(baseUrl, student)));
      const think = name === 'classroom' ? () => args.thinkMinMs + Math.random() * (args.thinkMaxMs - args.thinkMinMs) : () => 0;
      console.log(`[bench] ${name}: ${students.length} student(s) × ${args.submissions} submissions…`);
      const result = await runScenario({ name, baseUrl, databaseUrl, students, plans, think });
      const d = describeScenario(result);
      console.log(`[bench] ${name}: p50 ${fmt(d.p50)} ms, p95 ${fmt(d.p95)} ms, p99 ${fmt(d.p99)} ms, max ${fmt(d.max)} ms, ${d.throughput.toFixed(0)} req/s, non-200: ${d.failures}, stored ${result.stored} / acknowledged ${result.acknowledgedNew}`);
      results.push(result);
    }

    const section = buildSection(args, results, loadAtStart);
    console.log(`\n${section}\n`);
    if (args.write) console.log(`written to ${await writeResultsSection('submit', section)}`);
    const inconsistent = results.filter((result) => result.stored !== result.acknowledgedNew);
    if (inconsistent.length > 0) {
      console.error(`attempts stored differ from attempts acknowledged in: ${inconsistent.map((result) => result.name).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await server?.stop();
    await withPgClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`)).catch(() => {});
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
