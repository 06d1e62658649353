/**
 * Server time of the course-heavy pages on a big class: the real app (production build, server.ts)
 * on a scratch PostgreSQL database holding 500 students × 18 skills × 20 attempts (180,000
 * attempts), with their BKT mastery rows, review cards and four assignments.
 *
 * Measures, after a warm-up, N sequential requests of each page over loopback (response time =
 * server time plus a negligible loopback hop): the student dashboard, the instructor gradebook
 * (with its assignment columns), the mastery heatmap page and the assignments CSV. The baseline,
 * in the same run and on the same server, is the same pages for a class of one student.
 *
 *   npm run bench:course                              # 500 students, 20 attempts per skill, 40 requests per page
 *   npx tsx bench/course-pages.ts -- --students 50 --requests 10 --no-write
 */
import crypto from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { exerciseTypeIds } from '../engine/exercises/index';
import { hashPassword } from '../lib/auth/password';
import { applyMigrations } from '../lib/db/schema-engine';
import { ensureBuild } from '../lib/server/ensure-build';
import { startAppServer, type AppServer } from '../scripts/support/app-server';
import { parseBenchArgs } from './support/cli';
import { seedClass } from './support/course-fixture';
import { writeResultsSection } from './support/results-file';
import { withDatabaseName, withPgClient } from '../scripts/support/postgres-client';
import { BENCH_PASSWORD, signInOverHttp } from '../scripts/support/sign-in-over-http';
import { quantile } from './support/stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_P95_MS = 300;

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
    // What autovacuum does to a table that stopped growing: statistics and the visibility map (index-only scans).
    await withPgClient(databaseUrl, (client) => client.query('VACUUM ANALYZE'));
    console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    ensureBuild(ROOT, (message) => console.log(message));
    server = await startAppServer({ databaseUrl, port: await freePort(), authSecret: crypto.randomBytes(32).toString('base64url') });
    const rows: string[] = [];
    const loadAtStart = os.loadavg()[0];
    const cookies = {
      bigTeacher: `${await signInOverHttp(server.baseUrl, big.instructorEmail)}; bpl-locale=en`,
      bigStudent: `${await signInOverHttp(server.baseUrl, big.studentEmail)}; bpl-locale=en`,
      smallTeacher: `${await signInOverHttp(server.baseUrl, small.instructorEmail)}; bpl-locale=en`,
      smallStudent: `${await signInOverHttp(server.baseUrl, small.studentEmail)}; bpl-locale=en`,
    };
    const pages = [
      { name: 'student dashboard', big: ['bigStudent', '/dashboard'], small: ['smallStudent', '/dashboard'] },
      { name: 'gradebook (with assignment columns)', big: ['bigTeacher', `/classes/${big.classId}/gradebook`], small: ['smallTeacher', `/classes/${small.classId}/gradebook`] },
      { name: 'gradebook CSV', big: ['bigTeacher', `/api/classes/${big.classId}/gradebook.csv`], small: ['smallTeacher', `/api/classes/${small.classId}/gradebook.csv`] },
      { name: 'mastery heatmap + misconceptions', big: ['bigTeacher', `/classes/${big.classId}/mastery`], small: ['smallTeacher', `/classes/${small.classId}/mastery`] },
      { name: 'assignments page', big: ['bigTeacher', `/classes/${big.classId}/assignments`], small: ['smallTeacher', `/classes/${small.classId}/assignments`] },
      { name: 'assignments CSV', big: ['bigTeacher', `/api/course/classes/${big.classId}/assignments.csv`], small: ['smallTeacher', `/api/course/classes/${small.classId}/assignments.csv`] },
    ] as const;
    for (const page of pages) {
      const bigSamples = await measure(server.baseUrl, cookies[page.big[0]], page.big[1], args.requests);
      const smallSamples = await measure(server.baseUrl, cookies[page.small[0]], page.small[1], args.requests);
      const result = { page: page.name, p50: quantile(bigSamples, 0.5), p95: quantile(bigSamples, 0.95), baselineP95: quantile(smallSamples, 0.95) };
      console.log(`${page.name}: p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms — target p95 < ${TARGET_P95_MS} ms: ${result.p95 < TARGET_P95_MS ? 'met' : 'NOT met'} (1-student class p95 ${result.baselineP95.toFixed(0)} ms)`);
      rows.push(`| ${page.name} | ${result.p50.toFixed(0)} | ${result.p95.toFixed(0)} | ${result.baselineP95.toFixed(0)} | ${result.p95 < TARGET_P95_MS ? 'yes' : '**no**'} |`);
    }
    const markdown = [
      '## Course pages on a big class (`npx tsx bench/course-pages.ts`)',
      '',
      `${args.students} students × ${exerciseTypeIds.length} skills × ${args.attemptsPerSkill} attempts (${(args.students * exerciseTypeIds.length * args.attemptsPerSkill).toLocaleString('en')} attempts), mastery rows, review cards, 4 assignments (one due in the middle of the work, so every student's attempts straddle its due date). ` +
        `${args.requests} sequential requests per page after 3 warm-up requests, production build, loopback, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${new Date().toISOString().slice(0, 10)}. ` +
        `Baseline: the same page for a class of one student, same run and server. Target: p95 < ${TARGET_P95_MS} ms. ` +
        `Times are request to last byte on loopback, so they bound the server time from above. Load average (1 min) at the start of the timing: ${loadAtStart.toFixed(1)}, at the end: ${os.loadavg()[0].toFixed(1)}.`,
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
