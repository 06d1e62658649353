import { z } from 'zod';

// A cell of the Transformer trace that "Make this an exercise" turns into a graded question, and
// the rounding every trace number is shown with. Client-safe: the trace view and the server share
// them, so the numbers a question gives are the numbers the trace showed.

/** The trace matrices a question can ask about: a score, a softmax weight, a weighted-V entry, a score gradient. */
export const TRACE_CELL_KINDS = ['score', 'weight', 'attended', 'dScore'] as const;
export type TraceCellKind = (typeof TRACE_CELL_KINDS)[number];

/** 0-based indices; `col` is a key position (score, weight, dScore) or a d_k column (attended). */
export const ZTraceCell = z.object({
  kind: z.enum(TRACE_CELL_KINDS),
  layer: z.int().min(0).max(15),
  head: z.int().min(0).max(15),
  row: z.int().min(0).max(127),
  col: z.int().min(0).max(127),
});
export type TTraceCell = z.infer<typeof ZTraceCell>;

/** The output position whose cross-entropy the backward pass starts from, and its target token. */
export const ZTraceTarget = z.object({ position: z.int().min(0).max(127), token: z.int().min(0).max(127) });

/** Four significant digits: what the trace shows and what a question's givens hold. */
export function roundShown(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(4));
}

export function roundMatrix(rows: readonly (readonly number[])[]): number[][] {
  return rows.map((row) => row.map(roundShown));
}
