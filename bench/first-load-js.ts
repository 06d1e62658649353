/**
 * First-load JavaScript of the unit pages, read from the production build's manifests (next build
 * no longer prints sizes). For each unit: the route's first-load chunks (framework, layout, page)
 * plus the chunk of each figure the unit places; figures are loaded with next/dynamic, so a unit
 * only pays for its own. Sizes are gzip -9 (the convention Next used for "First Load JS") and raw.
 * Writes a table into bench/RESULTS.md between <!-- first-load:start --> and <!-- first-load:end -->.
 *
 *   npm run bench:first-load               # reads the existing .next build
 *   npm run bench:first-load -- --build    # rebuilds first if sources changed
 *   npm run bench:first-load -- --no-write
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { exerciseTypeIds } from '../engine/exercises/index';
import { loadCourse } from '../lib/content/load-course';
import type { FigureName } from '../lib/content/figure-names';
import { ensureBuild } from '../lib/server/ensure-build';
import { parseBenchArgs } from './support/cli';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEXT = path.join(ROOT, '.next');
const TARGET_KB = 250;
const UNIT_ROUTE = '/units/[unitId]';
const INDEX_ROUTE = '/units';

const ZArgs = z.strictObject({ build: z.boolean().default(false), write: z.boolean().default(true) });
const ZRouteStats = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));
const ZLoadableManifest = z.record(z.string(), z.object({ id: z.union([z.number(), z.string()]), files: z.array(z.string()) }));

interface Size {
  raw: number;
  gzip: number;
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run next build first (or pass --build)`);
  return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

const sizeCache = new Map<string, Size>();
function sizeOf(file: string): Size {
  const absolute = path.isAbsolute(file) ? file : path.join(ROOT, file);
  let size = sizeCache.get(absolute);
  if (!size) {
    const bytes = fs.readFileSync(absolute);
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizeCache.set(absolute, size);
  }
  return size;
}

function total(files: Iterable<string>): Size {
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const size = sizeOf(file);
    raw += size.raw;
    gzip += size.gzip;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/**
 * Each figure's chunk files. The figure slot's chunk holds `"<name>":…dynamic(…,{loadableGenerated:{modules:[id]`,
 * and the route's react-loadable manifest maps that id to the files next/dynamic loads.
 */
function figureChunks(routeChunks: readonly string[]): Map<FigureName, string[]> {
  const manifest = readJson(path.join(NEXT, 'server', 'app', 'units', '[unitId]', 'page', 'react-loadable-manifest.json'), ZLoadableManifest);
  const pattern = /"([a-z-]+)":\(0,[\w$.]+\)\(\(\)=>[\w$.]+\(\d+\),\{loadableGenerated:\{modules:\[([\w"]+)\]/g;
  const chunks = new Map<FigureName, string[]>();
  for (const chunk of routeChunks) {
    for (const match of fs.readFileSync(path.join(ROOT, chunk), 'utf8').matchAll(pattern)) {
      const entry = manifest[match[2].replaceAll('"', '')];
      if (entry) chunks.set(match[1] as FigureName, entry.files.filter((file) => file.endsWith('.js')).map((file) => path.join('.next', file)));
    }
  }
  return chunks;
}

async function main() {
  const args = parseBenchArgs(ZArgs, process.argv.slice(2));
  if (args.build) ensureBuild(ROOT, (message) => console.log(message));
  const stats = readJson(path.join(NEXT, 'diagnostics', 'route-bundle-stats.json'), ZRouteStats);
  const routeChunks = (route: string) => {
    const entry = stats.find((candidate) => candidate.route === route);
    if (!entry) throw new Error(`the build has no route ${route}`);
    return entry.firstLoadChunkPaths;
  };
  const unitRoute = routeChunks(UNIT_ROUTE);
  const indexRoute = routeChunks(INDEX_ROUTE);
  const figures = figureChunks(unitRoute);
  const course = await loadCourse({ unitsDir: path.join(ROOT, 'content', 'units'), exerciseIds: exerciseTypeIds });
  const routeSize = total(unitRoute);
  const buildId = fs.readFileSync(path.join(NEXT, 'BUILD_ID'), 'utf8').trim();

  const rows = course.units.map((unit) => {
    const figureFiles = unit.figures.flatMap((name) => {
      const files = figures.get(name);
      if (!files) throw new Error(`no chunk found for figure ${name}`);
      return files;
    });
    const figureSize = total(figureFiles);
    const withFigures = total([...unitRoute, ...figureFiles]);
    const verdict = withFigures.gzip / 1000 < TARGET_KB ? 'yes' : '**no**';
    return `| ${unit.order}. ${unit.id} (\`/units/${unit.id}\`) | ${kb(routeSize.gzip)} | ${unit.figures.join(', ') || '—'} | ${figureFiles.length ? kb(figureSize.gzip) : '0'} | **${kb(withFigures.gzip)}** | ${kb(withFigures.raw)} | ${verdict} |`;
  });
  const indexSize = total(indexRoute);
  const figureRows = [...figures.entries()].map(([name, files]) => {
    const size = total(files);
    return `| ${name} | ${files.length} | ${kb(size.gzip)} | ${kb(size.raw)} |`;
  });

  const section = [
    '## Unit pages: first-load JavaScript',
    '',
    `Date: ${new Date().toISOString().slice(0, 10)} · build ${buildId} · read from \`.next/diagnostics/route-bundle-stats.json\` and the route's \`react-loadable-manifest.json\` by \`npm run bench:first-load\`. kB = 1000 bytes, gzip -9 unless marked raw. Target: < ${TARGET_KB} kB per unit page including its figures.`,
    '',
    '| unit page | route first-load (gzip kB) | figures | figure chunks (gzip kB) | total on load (gzip kB) | total raw kB | < 250 kB |',
    '| --- | ---: | --- | ---: | ---: | ---: | :---: |',
    ...rows,
    `| index (\`/units\`) | ${kb(indexSize.gzip)} | — | 0 | **${kb(indexSize.gzip)}** | ${kb(indexSize.raw)} | ${indexSize.gzip / 1000 < TARGET_KB ? 'yes' : '**no**'} |`,
    '',
    'Each figure is its own chunk (next/dynamic), fetched only by the unit that places it; the engine code a figure needs is bundled into that chunk:',
    '',
    '| figure | chunks | gzip kB | raw kB |',
    '| --- | ---: | ---: | ---: |',
    ...figureRows,
  ].join('\n');

  console.log(section);
  if (!args.write) return;
  const file = path.join(ROOT, 'bench', 'RESULTS.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const block = `<!-- first-load:start -->\n${section}\n<!-- first-load:end -->`;
  const pattern = /<!-- first-load:start -->[\s\S]*?<!-- first-load:end -->/;
  fs.writeFileSync(file, pattern.test(current) ? current.replace(pattern, () => block) : `${current.trimEnd()}\n\n${block}\n`);
  console.log(`\nwrote ${path.relative(ROOT, file)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
