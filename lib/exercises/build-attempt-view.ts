import type { GradeResult, TAnswer } from '@/engine/exercises';
import type { TAttemptView } from '@/lib/exercises/schemas';

export interface BuildAttemptViewOptions {
  attempt: { id: string; round: number; createdAt: Date };
  attemptNumber: number;
  answer: TAnswer;
  graded: GradeResult;
}

/**
 * The attempt as its author sees it. Built field by field from the grade (which holds
 * correctness and feedback only), so no expected value can slip into the payload.
 */
export function buildAttemptView({ attempt, attemptNumber, answer, graded }: BuildAttemptViewOptions): TAttemptView {
  return {
    id: attempt.id,
    round: attempt.round,
    attemptNumber,
    answer,
    score: graded.score,
    correct: graded.correct,
    parts: graded.parts ?? null,
    feedback: graded.feedback,
    mistake: graded.mistake ?? null,
    firstWrong: graded.firstWrong ?? null,
    createdAt: attempt.createdAt.toISOString(),
  };
}
