import { DEFAULT_BKT, updateKnown } from '@/lib/course/mastery/bkt';
import { ratingFor, reviewCard, type StoredCard } from '@/lib/course/review/review-schedule';

// One (student, skill)'s learner model and the one rule that moves it after a graded attempt:
// pure, so the live path (recordGradedAttempt, one step per attempt) and the backfill (a fold over
// every graded attempt on record) cannot drift apart.

export interface MasteryState {
  pKnown: number;
  attempts: number;
  correct: number;
  lastAttemptAt: Date;
}

export interface LearnerState {
  mastery: MasteryState | null;
  card: StoredCard | null;
}

export interface GradedAttempt {
  score: number;
  correct: boolean;
  at: Date;
}

export const EMPTY_LEARNER_STATE: LearnerState = { mastery: null, card: null };

/**
 * The state after one more graded attempt:
 * - mastery: one Bayesian knowledge-tracing step;
 * - review: the first right answer puts the skill in the review queue; once a review is due, the
 *   next graded attempt on the skill is that review and reschedules it; other attempts leave the card.
 */
export function stepLearnerState(state: LearnerState, attempt: GradedAttempt): LearnerState & { mastery: MasteryState } {
  const { correct, at } = attempt;
  const previous = state.mastery;
  const mastery: MasteryState = {
    pKnown: updateKnown(previous?.pKnown ?? DEFAULT_BKT.pInit, correct),
    attempts: (previous?.attempts ?? 0) + 1,
    correct: (previous?.correct ?? 0) + (correct ? 1 : 0),
    lastAttemptAt: at,
  };
  const isReview = state.card ? state.card.due.getTime() <= at.getTime() : correct;
  return { mastery, card: isReview ? reviewCard(state.card, ratingFor(attempt), at) : state.card };
}
