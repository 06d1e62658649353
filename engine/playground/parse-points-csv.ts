import { CUSTOM_POINTS, type PlanePoint } from './config-schema';

// The MLP's "your own data" as text: one point per line, `x, y, label` (commas, semicolons, tabs or
// spaces between), label 0 or 1; blank lines, `#` comments and a header line are skipped.
// Client-safe and pure: the form parses a pasted or uploaded file before anything is sent, and the
// server checks the result again with the configuration's schema.

/** A file larger than this is refused before it is read line by line. */
export const MAX_POINTS_TEXT_BYTES = 64 * 1024;

export type PointsProblem =
  | { kind: 'too-large' }
  | { kind: 'too-many'; count: number }
  | { kind: 'bad-lines'; lines: number[] }
  | { kind: 'out-of-range'; lines: number[] };

export type ParsedPoints = { ok: true; points: PlanePoint[] } | { ok: false; problem: PointsProblem };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function parsePointsCsv(text: string): ParsedPoints {
  if (text.length > MAX_POINTS_TEXT_BYTES) return { ok: false, problem: { kind: 'too-large' } };
  const points: PlanePoint[] = [];
  const badLines: number[] = [];
  const outOfRange: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const cells = line.split(/\s*[,;\t]\s*|\s+/).filter((cell) => cell !== '');
    const isNumeric = cells.length === 3 && cells.every((cell) => NUMBER.test(cell));
    // A first line of words (x,y,label) is a header.
    if (!isNumeric && points.length === 0 && badLines.length === 0 && outOfRange.length === 0 && cells.some((cell) => /[a-z]/i.test(cell) && !NUMBER.test(cell))) return;
    const [x, y, label] = cells.map(Number);
    if (!isNumeric || (label !== 0 && label !== 1)) {
      badLines.push(index + 1);
      return;
    }
    if (Math.abs(x) > CUSTOM_POINTS.extent || Math.abs(y) > CUSTOM_POINTS.extent) {
      outOfRange.push(index + 1);
      return;
    }
    points.push([x, y, label]);
  });
  if (badLines.length > 0) return { ok: false, problem: { kind: 'bad-lines', lines: badLines } };
  if (outOfRange.length > 0) return { ok: false, problem: { kind: 'out-of-range', lines: outOfRange } };
  if (points.length > CUSTOM_POINTS.max) return { ok: false, problem: { kind: 'too-many', count: points.length } };
  return { ok: true, points };
}

/** The points as the text parsePointsCsv reads back, header first. */
export function formatPointsCsv(points: readonly PlanePoint[]): string {
  return ['x,y,label', ...points.map(([x, y, label]) => `${x},${y},${label}`)].join('\n');
}
