import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const RESULTS_FILE = path.resolve(import.meta.dirname, '..', 'RESULTS.md');

/**
 * Replaces one benchmark's section of bench/RESULTS.md (between `<!-- name:start -->` and
 * `<!-- name:end -->`), appending it when missing; other sections stay as they are.
 */
export async function writeResultsSection(name: string, markdown: string): Promise<string> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown}\n${end}`;
  const current = await readFile(RESULTS_FILE, 'utf8').catch(() => '# Benchmark results\n');
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(RESULTS_FILE, next);
  return RESULTS_FILE;
}
