import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/support/app-server';

// No browser ever receives exercise generators, solvers, mistake detectors or the seed function.
// The global setup has built the app (.next); this reads every client chunk the build manifests
// list and looks for strings that only that code carries (error messages survive minification).

const NEXT = path.join(ROOT, '.next');

const MARKERS: readonly { what: string; text: string }[] = [
  // engine/exercises/definition.ts: the variant draw behind every generate(), solve() and grade().
  { what: 'exercise generator / solver', text: 'no acceptable variant for seed' },
  // engine/exercises/definition.ts: the mistake detectors of every type.
  { what: 'mistake detector', text: 'is missing from meta.mistakeIds' },
  // lib/exercises/keyed-seeds.ts: the keyed seed function (the name of its secret's file).
  { what: 'keyed seed function', text: 'seed-secret' },
];

/** Every `static/…js` file named in the build manifests: the pages' and the app routes' client chunks. */
function listedClientChunks(): { chunks: Set<string>; manifests: string[] } {
  const manifests = [path.join(NEXT, 'build-manifest.json'), ...findFiles(path.join(NEXT, 'server', 'app'), (name) => name.endsWith('_client-reference-manifest.js'))];
  const chunks = new Set<string>();
  for (const manifest of manifests) {
    const text = fs.readFileSync(manifest, 'utf8');
    for (const [, chunk] of text.matchAll(/"(?:\/_next\/)?(static\/[^"]+?\.js)"/g)) chunks.add(chunk);
  }
  return { chunks, manifests: manifests.map((file) => path.relative(NEXT, file)) };
}

function findFiles(dir: string, accept: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, accept);
    return accept(entry.name) ? [full] : [];
  });
}

describe('client chunks of the production build', () => {
  it('carry no exercise generator, solver, mistake detector or seed function', () => {
    const { chunks, manifests } = listedClientChunks();
    // The public live pages are among the scanned ones, and they load JavaScript.
    expect(manifests).toEqual(expect.arrayContaining([path.join('server', 'app', 'join', 'page_client-reference-manifest.js'), path.join('server', 'app', 'live', 'page_client-reference-manifest.js')]));
    expect(chunks.size).toBeGreaterThan(10);

    const found: string[] = [];
    for (const chunk of chunks) {
      const text = fs.readFileSync(path.join(NEXT, chunk), 'utf8');
      for (const marker of MARKERS) if (text.includes(marker.text)) found.push(`${chunk}: ${marker.what}`);
    }
    expect(found).toEqual([]);
  });

  it('looks for markers the server build does carry (so the scan above can find them)', () => {
    const serverFiles = findFiles(path.join(NEXT, 'server'), (name) => name.endsWith('.js'));
    for (const marker of MARKERS) {
      expect(serverFiles.some((file) => fs.readFileSync(file, 'utf8').includes(marker.text)), marker.what).toBe(true);
    }
  });
});
