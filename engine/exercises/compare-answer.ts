import type { AnswerSpec, AnswerValue, Parts } from './answer-spec';
import { isDistinguishable, isWithinTolerance, type Tolerance } from './tolerance';

export interface Comparison {
  parts: Parts;
  /** Share of right cells; a `fields` answer averages its fields, so each field weighs the same. */
  score: number;
  correctCells: number;
  totalCells: number;
}

/** Cell-by-cell comparison of a validated answer with the expected one, both shaped by `spec`. */
export function compareAnswer(spec: AnswerSpec, answer: AnswerValue, expected: AnswerValue, tolerance: Tolerance): Comparison {
  switch (spec.kind) {
    case 'choice': {
      const isRight = answer === expected;
      return { parts: isRight, score: isRight ? 1 : 0, correctCells: isRight ? 1 : 0, totalCells: 1 };
    }
    case 'shape':
      return compareShape(flatten(answer), flatten(expected));
    case 'fields': {
      const parts: Record<string, Parts> = {};
      let scoreSum = 0;
      let correctCells = 0;
      let totalCells = 0;
      const names = Object.keys(spec.fields);
      for (const name of names) {
        const field = compareAnswer(spec.fields[name], fieldOf(answer, name), fieldOf(expected, name), tolerance);
        parts[name] = field.parts;
        scoreSum += field.score;
        correctCells += field.correctCells;
        totalCells += field.totalCells;
      }
      // Equal field scores sum exactly to the field count, so a full answer scores exactly 1.
      return { parts, score: correctCells === totalCells ? 1 : scoreSum / names.length, correctCells, totalCells };
    }
    default:
      return compareCells(answer, expected, tolerance);
  }
}

/**
 * True when every cell of `answer` is within tolerance of `target`. For a `fields` answer the
 * target may be partial (a mistake that touches only dW): only its fields are compared.
 */
export function matchesAnswer(spec: AnswerSpec, answer: AnswerValue, target: AnswerValue, tolerance: Tolerance): boolean {
  if (spec.kind === 'fields') {
    const targetFields = Object.keys(asRecord(target));
    return targetFields.every((name) => name in spec.fields && matchesAnswer(spec.fields[name], fieldOf(answer, name), fieldOf(target, name), tolerance));
  }
  return compareAnswer(spec, answer, target, tolerance).score === 1;
}

/** True when at least one cell of `a` and `b` is out of reach of a single answer. */
export function isAnswerDistinguishable(spec: AnswerSpec, a: AnswerValue, b: AnswerValue, tolerance: Tolerance): boolean {
  if (spec.kind === 'choice') return a !== b;
  if (spec.kind === 'fields') return Object.keys(spec.fields).some((name) => name in asRecord(a) && name in asRecord(b) && isAnswerDistinguishable(spec.fields[name], fieldOf(a, name), fieldOf(b, name), tolerance));
  const left = flatten(a);
  const right = flatten(b);
  if (left.length !== right.length) return true;
  return left.some((value, i) => isDistinguishable(value, right[i], tolerance));
}

/** Number of cells a (possibly partial) answer covers: how specific a named mistake is. */
export function countCells(value: AnswerValue): number {
  if (typeof value === 'string' || typeof value === 'number') return 1;
  if (Array.isArray(value)) return flatten(value).length;
  return Object.values(value).reduce<number>((n, field) => n + countCells(field), 0);
}

function compareCells(answer: AnswerValue, expected: AnswerValue, tolerance: Tolerance): Comparison {
  if (typeof answer === 'number' && typeof expected === 'number') {
    const isRight = isWithinTolerance(answer, expected, tolerance);
    return { parts: isRight, score: isRight ? 1 : 0, correctCells: isRight ? 1 : 0, totalCells: 1 };
  }
  const answers = Array.isArray(answer) ? answer : [];
  const expecteds = Array.isArray(expected) ? expected : [];
  const parts: Parts[] = [];
  let correctCells = 0;
  let totalCells = 0;
  for (let i = 0; i < expecteds.length; i++) {
    const cell = compareCells(answers[i] ?? Number.NaN, expecteds[i], tolerance);
    parts.push(cell.parts);
    correctCells += cell.correctCells;
    totalCells += cell.totalCells;
  }
  return { parts, score: totalCells === 0 ? 1 : correctCells / totalCells, correctCells, totalCells };
}

/**
 * Dimension by dimension when the ranks agree. A different rank scores 0, and its parts have
 * the student's length so they do not reveal the expected rank.
 */
function compareShape(answer: number[], expected: number[]): Comparison {
  if (answer.length !== expected.length) {
    return { parts: answer.map(() => false), score: 0, correctCells: 0, totalCells: Math.max(1, expected.length) };
  }
  const parts = answer.map((dim, i) => dim === expected[i]);
  const correctCells = parts.filter(Boolean).length;
  return { parts, score: correctCells / expected.length, correctCells, totalCells: expected.length };
}

function fieldOf(value: AnswerValue, name: string): AnswerValue {
  return asRecord(value)[name] ?? Number.NaN;
}

function asRecord(value: AnswerValue): Record<string, AnswerValue> {
  return typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** All numbers of an answer in order (choice ids are skipped). Appends into `out`: this runs on every grade. */
export function flatten(value: AnswerValue, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const item of value) flatten(item, out);
  else if (typeof value === 'object') for (const name of Object.keys(value)) flatten(value[name], out);
  return out;
}
