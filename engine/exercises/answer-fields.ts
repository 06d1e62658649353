import type { AnswerValue } from './answer-spec';

// Typed reads of a validated `fields` answer, for error-carried-forward grading. After
// validateAnswer the shapes are guaranteed; a mismatch here is a bug, so it throws.

function fieldOf(answer: AnswerValue, name: string): AnswerValue | undefined {
  return typeof answer === 'object' && !Array.isArray(answer) ? answer[name] : undefined;
}

export function numberField(answer: AnswerValue, name: string): number {
  const value = fieldOf(answer, name);
  if (typeof value !== 'number') throw new Error(`validated answer lacks the number field '${name}'`);
  return value;
}

export function numbersField(answer: AnswerValue, name: string): number[] {
  const value = fieldOf(answer, name);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) throw new Error(`validated answer lacks the list field '${name}'`);
  return value.map(Number);
}

export function matrixField(answer: AnswerValue, name: string): number[][] {
  const value = fieldOf(answer, name);
  if (!Array.isArray(value) || !value.every(Array.isArray)) throw new Error(`validated answer lacks the matrix field '${name}'`);
  return value.map((row) => (Array.isArray(row) ? row.map(Number) : []));
}
