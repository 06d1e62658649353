import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(target);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [target] : [];
  });
}

describe('bench/', () => {
  it('imports nothing from tests/ (shared helpers live in scripts/support)', () => {
    const offending = sourceFiles(path.join(ROOT, 'bench')).filter((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].some(([, specifier]) => {
        const resolved = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier.replace(/^@\//, `${ROOT}/`);
        return path.relative(ROOT, resolved).split(path.sep)[0] === 'tests';
      });
    });
    expect(offending.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
