// `npm run bench`: every benchmark in turn; each prints its table and updates its own section of
// bench/RESULTS.md. Pass names to run a subset: `npm run bench -- engine exercises`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(import.meta.dirname, '..');
const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;

// The load test at its smallest size runs here; larger sizes: npm run load -- --students N.
const BENCHES = [
  { name: 'engine', script: 'bench:engine', args: [] },
  { name: 'exercises', script: 'bench:exercises', args: [] },
  { name: 'submit', script: 'bench:submit', args: [] },
  { name: 'first-load', script: 'bench:first-load', args: [] },
  { name: 'training', script: 'bench:train', args: [] },
  { name: 'live-load', script: 'load', args: ['--students', '150'] },
] as const;

const names = z.array(z.enum(BENCHES.map((b) => b.name) as [string, ...string[]])).parse(process.argv.slice(2));
const selected = BENCHES.filter((bench) => (names.length === 0 || names.includes(bench.name)) && scripts[bench.script]);

let failed = 0;
for (const bench of selected) {
  console.log(`\n=== ${bench.name} (npm run ${bench.script})`);
  const result = spawnSync('npm', ['run', '--silent', bench.script, '--', ...bench.args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${bench.name} failed with exit code ${result.status}`);
  }
}
console.log(`\n${selected.length - failed} of ${selected.length} benchmarks ran; see bench/RESULTS.md`);
process.exitCode = failed > 0 ? 1 : 0;
