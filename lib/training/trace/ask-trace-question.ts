import 'server-only';
import { buildTraceCellQuestion, findCellProblem, type TraceCellQuestion } from '@/engine/exercises/trace-cell-question';
import type { TTraceCell } from '@/engine/playground/trace-cell';
import { DEFAULT_TOLERANCE } from '@/engine/exercises/tolerance';
import { AppError } from '@/lib/errors';
import { computeRunTrace, type ComputeRunTraceOptions } from './compute-run-trace';
import type { TraceQuestionPayload } from './trace-schemas';

export type TraceCellOptions = ComputeRunTraceOptions & { cell: TTraceCell };

/**
 * The graded question of one trace cell, built on the server from the stored run, the sentence and
 * the cell reference. UNPROCESSABLE `cell-out-of-range` for a cell the trace does not have,
 * `zero-gradient` for a ∂L/∂S cell in a row the loss does not reach.
 */
export async function buildQuestionOfCell(options: TraceCellOptions): Promise<TraceCellQuestion> {
  const { trace } = await computeRunTrace(options);
  const problem = findCellProblem(trace, options.cell);
  if (problem) throw new AppError('UNPROCESSABLE', problem.text, { reason: problem.reason, fieldErrors: { cell: [problem.text.en] } });
  return buildTraceCellQuestion(trace, options.cell);
}

/** What the browser gets: the prompt and the givens, built field by field so no expected value can ride along. */
export async function askTraceQuestion(options: TraceCellOptions): Promise<TraceQuestionPayload> {
  const { title, prompt, givens } = await buildQuestionOfCell(options);
  return {
    cell: options.cell,
    title,
    prompt,
    givens: givens.map(({ id, label, values }) => ({ id, label, values })),
    tolerance: DEFAULT_TOLERANCE.doc,
  };
}
