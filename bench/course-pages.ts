/**
 * Server time of the course-heavy pages on a big class: the real app (production build, server.ts)
 * on a scratch PostgreSQL database holding 500 students × 18 skills × 20 attempts (180,000
 * attempts), with their BKT mastery rows, review cards and three assignments.
 *
 * Measures, after a warm-up, N sequential requests of each page over loopback (response time =
 * server time plus a negligible loopback hop): the student dashboard, the instructor gradebook
 * (with its assignment columns), the mastery heatmap page and the assignments CSV. The baseline,
 * in the same run and on the same server, is the same pages for a class of one student.
 *
 *   npx tsx bench/course-pages.ts                     # 500 students, 20 attempts per skill, 40 requests per page
 *   npx tsx bench/course-pages.ts -- --students 50 --requests 10 --no-write
 */
import crypto from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { z } from 'zod';
import { exerciseTypeIds } from '../engine/exercises/index';
import { hashPassword } from '../lib/auth/password';
import { DEFAULT_BKT, updateKnown } from '../lib/course/mastery/bkt';
import { applyMigrations } from '../lib/db/schema-engine';
import { ensureBuild } from '../lib/server/ensure-build';
import { startAppServer, type AppServer } from '../scripts/support/app-server';
import { parseBenchArgs } from './support/cli';
import { writeResultsSection } from './support/results-file';
import { withDatabaseName, withPgClient } from '../scripts/support/postgres-client';
import { BENCH_PASSWORD, signInOverHttp } from './support/server-session';
import { quantile } from './support/stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_P95_MS = 300;
const DAY = 86_400_000;

const ZArgs = z.object({
  students: z.coerce.number().int().min(1).max(2000).default(500),
  attemptsPerSkill: z.coerce.number().int().min(1).max(50).default(20),
  requests: z.coerce.number().int().min(5).max(500).default(40),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').default('postgresql://postgres@127.0.0.1:5432/postgres'),
  write: z.boolean().default(true),
});

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

interface Fixture {
  classId: string;
  instructorEmail: string;
  studentEmail: string;
}

/** A class with `students` students, each with `perSkill` attempts on every skill, plus mastery, cards and assignments. */
async function seedClass(client: pg.Client, label: string, students: number, perSkill: number, passwordHash: string): Promise<Fixture> {
  const classId = `benchclass${label}`;
  const instructorId = `bench_${label}_teacher`;
  const now = Date.now();
  await client.query('INSERT INTO "Class" (id, name, "joinCode") VALUES ($1, $2, $3)', [classId, `Bench ${label}`, crypto.randomBytes(4).toString('hex').toUpperCase()]);
  const userIds = Array.from({ length: students }, (_, i) => `bench_${label}_${i}`);
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash") SELECT u, u || '@bench.local', 'Student ' || u, $2 FROM unnest($1::text[]) AS u`,
    [[instructorId, ...userIds], passwordHash],
  );
  await client.query(`INSERT INTO "Membership" (id, "userId", "classId", role) VALUES ($1, $2, $3, 'INSTRUCTOR')`, [`m_${instructorId}`, instructorId, classId]);
  await client.query(`INSERT INTO "Membership" (id, "userId", "classId", role) SELECT 'm_' || u, u, $2, 'STUDENT' FROM unnest($1::text[]) AS u`, [userIds, classId]);

  const mistakes = ['sign-error', 'forgot-bias', 'forgot-learning-rate', null, null];
  for (const userId of userIds) {
    const rows = { id: [] as string[], typeId: [] as string[], round: [] as number[], score: [] as number[], correct: [] as boolean[], mistake: [] as (string | null)[], createdAt: [] as string[] };
    const mastery = { typeId: [] as string[], pKnown: [] as number[], correct: [] as number[], last: [] as string[] };
    for (const typeId of exerciseTypeIds) {
      let pKnown = DEFAULT_BKT.pInit;
      let right = 0;
      let round = 0;
      let last = 0;
      for (let k = 0; k < perSkill; k++) {
        const isRight = Math.random() < 0.3 + 0.6 * (k / perSkill);
        const score = isRight ? 1 : Math.round(Math.random() * 4) / 4;
        last = now - (perSkill - k) * 3600_000 - Math.floor(Math.random() * 3600_000);
        rows.id.push(crypto.randomUUID());
        rows.typeId.push(typeId);
        rows.round.push(round);
        rows.score.push(score === 1 && !isRight ? 0.75 : score);
        rows.correct.push(isRight);
        rows.mistake.push(isRight ? null : mistakes[k % mistakes.length]);
        rows.createdAt.push(new Date(last).toISOString());
        pKnown = updateKnown(pKnown, isRight);
        if (isRight) right++;
        if (isRight || k % 3 === 2) round++;
      }
      mastery.typeId.push(typeId);
      mastery.pKnown.push(pKnown);
      mastery.correct.push(right);
      mastery.last.push(new Date(last).toISOString());
    }
    await client.query(
      `INSERT INTO "Attempt" (id, "userId", "typeId", round, seed, answer, score, correct, mistake, "clientSubmissionId", "createdAt")
       SELECT r.id, $1, r.t, r.round, 1, '{}'::jsonb, r.score, r.correct, r.mistake, r.id, r.at
         FROM unnest($2::text[], $3::text[], $4::int[], $5::float8[], $6::bool[], $7::text[], $8::timestamptz[]) AS r(id, t, round, score, correct, mistake, at)`,
      [userId, rows.id, rows.typeId, rows.round, rows.score, rows.correct, rows.mistake, rows.createdAt],
    );
    await client.query(
      `INSERT INTO "SkillMastery" (id, "userId", "typeId", "pKnown", attempts, correct, "lastAttemptAt")
       SELECT gen_random_uuid()::text, $1, m.t, m.p, $2, m.c, m.at FROM unnest($3::text[], $4::float8[], $5::int[], $6::timestamptz[]) AS m(t, p, c, at)`,
      [userId, perSkill, mastery.typeId, mastery.pKnown, mastery.correct, mastery.last],
    );
    await client.query(
      `INSERT INTO "ReviewCard" (id, "userId", "typeId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")
       SELECT gen_random_uuid()::text, $1, t, now() + (random() * 10 - 3) * interval '1 day', 5, 5, 1, 3, 0, 3, 0, 2, now() - interval '2 days'
         FROM unnest($2::text[]) AS t`,
      [userId, exerciseTypeIds],
    );
  }
  for (let a = 0; a < 3; a++) {
    const id = `bench_${label}_assignment_${a}`;
    await client.query(
      `INSERT INTO "Assignment" (id, "classId", title, "unitIds", "opensAt", "dueAt", "lateUntil", "latePenaltyPct", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, '{}', $4, $5, $6, 20, now(), now())`,
      [id, classId, `Week ${a + 1}`, new Date(now - (20 - a * 5) * DAY), new Date(now - (14 - a * 6) * DAY), new Date(now - (12 - a * 6) * DAY)],
    );
    for (const [position, typeId] of exerciseTypeIds.slice(a * 6, a * 6 + 6).entries()) {
      await client.query(`INSERT INTO "AssignmentItem" (id, "assignmentId", position, "typeId", target, "targetValue") VALUES ($1, $2, $3, $4, $5, $6)`, [
        `${id}_${position}`,
        id,
        position,
        typeId,
        position % 2 === 0 ? 'SOLVE_COUNT' : 'BEST_SCORE',
        position % 2 === 0 ? 2 : 0.8,
      ]);
    }
  }
  return { classId, instructorEmail: `${instructorId}@bench.local`, studentEmail: `${userIds[0]}@bench.local` };
}

async function measure(baseUrl: string, cookie: string, pagePath: string, requests: number): Promise<number[]> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${pagePath}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${pagePath}: status ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await get();
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push(await get());
  return samples.sort((a, b) => a - b);
}

async function main() {
  const args = parseBenchArgs(ZArgs.strict(), process.argv.slice(2).filter((arg) => arg !== '--'));
  const scratch = `bpl_bench_course_${crypto.randomBytes(3).toString('hex')}`;
  await withPgClient(args.databaseUrl, (client) => client.query(`CREATE DATABASE "${scratch}"`));
  const databaseUrl = withDatabaseName(args.databaseUrl, scratch);
  let server: AppServer | undefined;
  try {
    await applyMigrations(databaseUrl);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    console.log(`seeding ${args.students} students × ${exerciseTypeIds.length} skills × ${args.attemptsPerSkill} attempts …`);
    const seedStarted = performance.now();
    const [big, small] = await withPgClient(databaseUrl, async (client) => [
      await seedClass(client, 'big', args.students, args.attemptsPerSkill, passwordHash),
      await seedClass(client, 'small', 1, args.attemptsPerSkill, passwordHash),
    ]);
    await withPgClient(databaseUrl, (client) => client.query('ANALYZE'));
    console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    ensureBuild(ROOT, (message) => console.log(message));
    server = await startAppServer({ databaseUrl, port: await freePort(), authSecret: crypto.randomBytes(32).toString('base64url') });
    const rows: string[] = [];
    const cookies = {
      bigTeacher: `${await signInOverHttp(server.baseUrl, big.instructorEmail)}; bpl-locale=en`,
      bigStudent: `${await signInOverHttp(server.baseUrl, big.studentEmail)}; bpl-locale=en`,
      smallTeacher: `${await signInOverHttp(server.baseUrl, small.instructorEmail)}; bpl-locale=en`,
      smallStudent: `${await signInOverHttp(server.baseUrl, small.studentEmail)}; bpl-locale=en`,
    };
    const pages = [
      { name: 'student dashboard', big: ['bigStudent', '/dashboard'], small: ['smallStudent', '/dashboard'] },
      { name: 'gradebook (with assignment columns)', big: ['bigTeacher', `/classes/${big.classId}/gradebook`], small: ['smallTeacher', `/classes/${small.classId}/gradebook`] },
      { name: 'mastery heatmap + misconceptions', big: ['bigTeacher', `/classes/${big.classId}/mastery`], small: ['smallTeacher', `/classes/${small.classId}/mastery`] },
      { name: 'assignments page', big: ['bigTeacher', `/classes/${big.classId}/assignments`], small: ['smallTeacher', `/classes/${small.classId}/assignments`] },
      { name: 'assignments CSV', big: ['bigTeacher', `/api/course/classes/${big.classId}/assignments.csv`], small: ['smallTeacher', `/api/course/classes/${small.classId}/assignments.csv`] },
    ] as const;
    for (const page of pages) {
      const bigSamples = await measure(server.baseUrl, cookies[page.big[0]], page.big[1], args.requests);
      const smallSamples = await measure(server.baseUrl, cookies[page.small[0]], page.small[1], args.requests);
      const result = { page: page.name, p50: quantile(bigSamples, 0.5), p95: quantile(bigSamples, 0.95), baselineP95: quantile(smallSamples, 0.95) };
      console.log(`${page.name}: p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms (1-student class p95 ${result.baselineP95.toFixed(0)} ms)`);
      rows.push(`| ${page.name} | ${result.p50.toFixed(0)} | ${result.p95.toFixed(0)} | ${result.baselineP95.toFixed(0)} | ${result.p95 < TARGET_P95_MS ? 'yes' : '**no**'} |`);
    }
    const markdown = [
      '## Course pages on a big class (`npx tsx bench/course-pages.ts`)',
      '',
      `${args.students} students × ${exerciseTypeIds.length} skills × ${args.attemptsPerSkill} attempts (${(args.students * exerciseTypeIds.length * args.attemptsPerSkill).toLocaleString('en')} attempts), mastery rows, review cards, 3 assignments. ` +
        `${args.requests} sequential requests per page after 3 warm-up requests, production build, loopback, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${new Date().toISOString().slice(0, 10)}. ` +
        `Baseline: the same page for a class of one student, same run and server. Target: p95 < ${TARGET_P95_MS} ms.`,
      '',
      '| page | p50 ms | p95 ms | baseline p95 ms (1 student) | under target |',
      '| --- | ---: | ---: | ---: | --- |',
      ...rows,
    ].join('\n');
    if (args.write) console.log(`wrote ${await writeResultsSection('course-pages', markdown)}`);
    else console.log(markdown);
  } finally {
    await server?.stop();
    await withPgClient(args.databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`));
  }
}

await main();
