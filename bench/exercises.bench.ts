/**
 * Exercise generation and grading speed: for every type, the time of one
 * `generate + solve + grade` round (what a live question costs per participant), over many
 * seeds after a warm-up. Prints a table and writes it into bench/RESULTS.md between
 * <!-- exercises:start --> and <!-- exercises:end --> (the rest of the file is left alone).
 *
 *   npm run bench:exercises                  # 200 seeds per type, updates RESULTS.md
 *   npm run bench:exercises -- --seeds 50 --no-write
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { exerciseTypes, generate, grade, seedOf, solve } from '../engine/exercises/index';
import { writeResultsSection } from './support/results-file';
import { quantile } from './support/stats';
import { parseBenchArgs } from './support/cli';

/** Every type must stay under this per round (generate + solve + grade). */
const TARGET_MS = 2;

const ZBenchArgs = z.object({
  seeds: z.coerce.number().int().min(10).max(10_000).default(200),
  write: z.boolean().default(true),
});
type TBenchArgs = z.infer<typeof ZBenchArgs>;

interface Row {
  typeId: string;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Median of grading a wrong answer alone (includes the search for a named mistake). */
  wrongGradeMs: number;
}

/** A wrong but valid answer: the expected one with its first number doubled plus one. */
function wrongAnswer(answer: unknown): unknown {
  if (typeof answer === 'number') return answer * 2 + 1;
  if (Array.isArray(answer)) return [wrongAnswer(answer[0]), ...answer.slice(1)];
  if (typeof answer === 'object' && answer !== null) {
    const [first, ...rest] = Object.entries(answer);
    return Object.fromEntries([[first[0], wrongAnswer(first[1])], ...rest]);
  }
  return answer;
}

/** JIT warm-up: the engine's ops are shared by all types, so warm every type before timing any. */
function warmUp(seeds: readonly number[]): void {
  for (const type of exerciseTypes) {
    for (const seed of seeds) grade(type.id, seed, wrongAnswer(solve(type.id, seed)));
  }
}

function benchType(typeId: string, seeds: readonly number[]): Row {
  const rounds: number[] = [];
  const wrongGrades: number[] = [];
  for (const seed of seeds) {
    const start = performance.now();
    generate(typeId, seed);
    const expected = solve(typeId, seed);
    grade(typeId, seed, expected);
    rounds.push(performance.now() - start);
    const wrong = wrongAnswer(expected);
    const gradeStart = performance.now();
    grade(typeId, seed, wrong);
    wrongGrades.push(performance.now() - gradeStart);
  }
  rounds.sort((a, b) => a - b);
  wrongGrades.sort((a, b) => a - b);
  return { typeId, medianMs: quantile(rounds, 0.5), p95Ms: quantile(rounds, 0.95), maxMs: rounds[rounds.length - 1], wrongGradeMs: quantile(wrongGrades, 0.5) };
}

const fmt = (ms: number) => ms.toFixed(3);

function renderSection(rows: readonly Row[], args: TBenchArgs, loadAtStart: number): string {
  return [
    '## Exercises: generate + solve + grade',
    '',
    `Date: ${new Date().toISOString().slice(0, 10)} · CPU: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} threads) · Node ${process.version} · 1-min load average at start ${loadAtStart.toFixed(2)} · ${args.seeds} seeds per type after a warm-up of every type · one round = generate() + solve() + grade() of the right answer, each rebuilding the variant from its seed (no cache). Target: median < ${TARGET_MS} ms for every type.`,
    '',
    '| type | median ms | p95 ms | max ms | grade wrong answer, median ms | target |',
    '| --- | ---: | ---: | ---: | ---: | :---: |',
    ...rows.map((r) => `| ${r.typeId} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${fmt(r.maxMs)} | ${fmt(r.wrongGradeMs)} | ${r.medianMs < TARGET_MS ? 'ok' : 'over'} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(ZBenchArgs.strict(), process.argv.slice(2));
  const seeds = Array.from({ length: args.seeds }, (_, i) => seedOf('bench', i));
  const loadAtStart = os.loadavg()[0];
  warmUp(Array.from({ length: 100 }, (_, i) => seedOf('warm-up', i)));
  const rows = exerciseTypes.map((type) => benchType(type.id, seeds));
  const section = renderSection(rows, args, loadAtStart);
  console.log(section);
  if (args.write) console.log(`\nwrote ${await writeResultsSection('exercises', section)}`);
  const over = rows.filter((r) => r.medianMs >= TARGET_MS);
  if (over.length > 0) {
    console.error(`\nover the ${TARGET_MS} ms target: ${over.map((r) => r.typeId).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
