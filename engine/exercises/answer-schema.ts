import { z } from 'zod';
import { MAX_NUMBER_STRING_LENGTH, parseNumber } from './parse-number';

/**
 * An answer never needs more cells than this (the largest of the 18 types has 33); a bigger
 * payload is abuse, not an attempt.
 */
export const MAX_ANSWER_CELLS = 1_000;
/**
 * An answer's size as JSON (UTF-8 bytes). Half the socket's 64 KiB message limit
 * (MAX_SOCKET_MESSAGE_BYTES in lib/realtime/namespaces.ts; a test checks the two fit), so every
 * answer this schema accepts also fits, with its envelope, into one socket.io message.
 */
export const MAX_ANSWER_BYTES = 32 * 1024;
/** Deepest nesting an answer needs: fields → tensor of rank ≤ 6. */
export const MAX_ANSWER_DEPTH = 8;

/** An answer as it arrives (JSON): numbers or number strings, nested in arrays and field records. */
export type TAnswer = number | string | TAnswer[] | { [field: string]: TAnswer };

/**
 * The shape-agnostic boundary check every submitted answer passes before `validateAnswer`
 * compares it with an exercise's AnswerSpec. It walks the value iteratively, so a hostile,
 * deeply nested payload cannot overflow the stack.
 */
export const ZAnswer = z.custom<TAnswer>().superRefine((value, ctx) => {
  const problem = findAnswerProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** A single number typed as a number or a string (`3/4`, `1e-3`, …), parsed to a finite number. */
export const ZScalarAnswer = z
  .union([z.number(), z.string().max(MAX_NUMBER_STRING_LENGTH)])
  .transform((input, ctx) => {
    const value = parseNumber(input);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: `"${String(input)}" is not a number` });
      return z.NEVER;
    }
    return value;
  });

function findAnswerProblem(root: unknown): string | null {
  const problem = findShapeProblem(root);
  if (problem !== null) return problem;
  // Bounded by the walk above (at most MAX_ANSWER_CELLS short strings), so this is cheap.
  if (new TextEncoder().encode(JSON.stringify(root)).length > MAX_ANSWER_BYTES) return `answer is larger than ${MAX_ANSWER_BYTES / 1024} KB`;
  return null;
}

function findShapeProblem(root: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let cells = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > MAX_ANSWER_DEPTH) return `answer is nested deeper than ${MAX_ANSWER_DEPTH} levels`;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'answer contains a number that is not finite';
      cells++;
    } else if (typeof value === 'string') {
      if (value.length > MAX_NUMBER_STRING_LENGTH) return `answer contains a string longer than ${MAX_NUMBER_STRING_LENGTH} characters`;
      cells++;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
    } else if (isPlainRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key.length > MAX_NUMBER_STRING_LENGTH) return 'answer contains a field name that is too long';
        stack.push({ value: item, depth: depth + 1 });
      }
    } else {
      return 'answer must be made of numbers, strings, arrays and field records';
    }
    if (cells > MAX_ANSWER_CELLS || stack.length > MAX_ANSWER_CELLS) return `answer has more than ${MAX_ANSWER_CELLS} cells`;
  }
  return null;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
