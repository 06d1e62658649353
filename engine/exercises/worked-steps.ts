import type { AnswerValue, NumberTree } from './answer-spec';
import { bmatrix } from './latex';
import type { LocalizedText } from './text';

// A worked solution: the intermediate values a student would write down, each computed with the
// engine, in the order of the lecture. Shown once a round is over (never before: it holds the
// expected answer), and reused for the live explanation after a question closes.

export interface WorkedStep {
  /** What this step computes and how, Markdown with KaTeX math, in both languages. */
  text: LocalizedText;
  /** The value this step arrives at, as KaTeX (numbers to four significant digits). */
  latex: string;
  /** The value itself, as the engine computed it. */
  value: AnswerValue;
  /** The answer field this step yields ('' for a whole-answer type); the tests hold it to solve(). */
  field?: string;
}

/** Four significant digits: enough to check each box against, short enough to read. */
export function roundForDisplay(value: number): string {
  if (Object.is(value, -0) || value === 0) return '0';
  const rounded = Number(value.toPrecision(4));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A value as KaTeX: a number, a row vector, a matrix, or a stack of matrices. */
export function latexOf(value: NumberTree): string {
  if (typeof value === 'number') return roundForDisplay(value);
  if (value.every((item) => typeof item === 'number')) return roundedMatrix([value as number[]]);
  if (value.every((row) => Array.isArray(row) && row.every((item) => typeof item === 'number'))) return roundedMatrix(value as number[][]);
  return `\\left[ ${value.map(latexOf).join(',\\; ')} \\right]`;
}

function roundedMatrix(rows: readonly (readonly number[])[]): string {
  return bmatrix(rows.map((row) => row.map((v) => Number(roundForDisplay(v)))));
}

/** A shape as the students write it: [6, 28, 28]. */
export function latexOfShape(dims: readonly number[]): string {
  return `[${dims.join(', ')}]`;
}

/** A step whose value is numbers. */
export function numberStep(text: LocalizedText, value: NumberTree, field?: string): WorkedStep {
  return { text, latex: latexOf(value), value, field };
}

/** A step whose value is a shape. */
export function shapeStep(text: LocalizedText, dims: number[], field?: string): WorkedStep {
  return { text, latex: latexOfShape(dims), value: dims, field };
}

/** A step whose value is a chosen option, e.g. the output +1. */
export function choiceStep(text: LocalizedText, id: string, field?: string): WorkedStep {
  return { text, latex: `\\text{${id.replace(/-/g, '−')}}`, value: id, field };
}

/** A number inside a formula: negative numbers in parentheses. */
export function term(value: number): string {
  const text = roundForDisplay(value);
  return value < 0 ? `(${text})` : text;
}

/** w·x written out: 0.3·2 + (−0.5)·1. */
export function dotTerms(a: readonly number[], b: readonly number[]): string {
  return a.map((value, i) => `${term(value)}\\cdot ${term(b[i])}`).join(' + ');
}
