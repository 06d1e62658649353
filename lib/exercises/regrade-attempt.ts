import 'server-only';
import { grade, ZAnswer, type GradeResult, type TAnswer } from '@/engine/exercises';
import type { LatestAttempt } from '@/lib/exercises/find-latest-attempts';

/**
 * Grades a stored attempt again. Grading is deterministic in (type, seed, answer), so this gives
 * the feedback the student saw when they submitted, without storing the text.
 */
export function regradeAttempt(attempt: Pick<LatestAttempt, 'typeId' | 'seed' | 'answer'>): { answer: TAnswer; graded: GradeResult } {
  const parsed = ZAnswer.safeParse(attempt.answer);
  if (!parsed.success) throw new Error(`stored attempt answer is not an answer: ${parsed.error.message}`);
  return { answer: parsed.data, graded: grade(attempt.typeId, Number(attempt.seed), parsed.data) };
}
