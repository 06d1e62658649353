import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// engine/playground is the pure ML of the playground: it runs in the browser, in worker threads
// and in benchmarks, so it imports only the engine (and zod), and its modules form no cycle
// (config-schema → cnn-shapes → count-parameters → training-config used to loop).

const root = path.resolve(import.meta.dirname, '../..');
const folder = path.join(root, 'engine/playground');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1]);
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate)) ?? null;
}

describe('engine/playground', () => {
  const files = sourceFiles(folder);

  it('imports nothing but the engine and zod', () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => {
          if (specifier === 'zod') return false;
          const target = resolveLocal(file, specifier);
          return !target || !target.startsWith(path.join(root, 'engine') + path.sep);
        })
        .map((specifier) => `${path.relative(root, file)} → ${specifier}`),
    );
    expect(files.length).toBeGreaterThan(20);
    expect(outside).toEqual([]);
  });

  it('has no import cycle among its modules', () => {
    const edges = new Map(files.map((file) => [file, importsOf(file).map((s) => resolveLocal(file, s)).filter((t): t is string => t !== null && t.startsWith(folder))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(folder, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    files.forEach((file) => visit(file, []));
    expect(cycles).toEqual([]);
  });
});
