import 'server-only';
import { gradeVariant } from '@/engine/exercises/grade-answer';
import { DEFAULT_TOLERANCE } from '@/engine/exercises/tolerance';
import { AppError } from '@/lib/errors';
import { buildQuestionOfCell, type TraceCellOptions } from './ask-trace-question';
import type { TraceGradePayload } from './trace-schemas';

/**
 * Grades an answer to a trace cell's question with the exercises' grader (gradeVariant, default
 * tolerance), recomputing the question from the run, the sentence and the cell. An answer that is
 * not a number is BAD_REQUEST with the grader's own sentence. Not stored: see docs/playground.md
 * ("Make this an exercise") for why trace questions are not Attempt rows.
 */
export async function gradeTraceAnswer(options: TraceCellOptions & { answer: number | string }): Promise<TraceGradePayload> {
  const { variant } = await buildQuestionOfCell(options);
  const result = gradeVariant(variant, DEFAULT_TOLERANCE, options.answer);
  if (result.invalid) throw new AppError('BAD_REQUEST', result.invalid, { reason: 'invalid-answer', fieldErrors: { answer: [result.invalid.en] } });
  return { score: result.score, correct: result.correct, feedback: result.feedback, ...(result.mistake ? { mistake: result.mistake } : {}) };
}
