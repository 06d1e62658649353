import 'server-only';
import { getDb } from '@/lib/db';
import { buildAttemptView } from '@/lib/exercises/build-attempt-view';
import { describeVariant } from '@/lib/exercises/describe-variant';
import { computeRoundState, countRevealedHints, MAX_ATTEMPTS_PER_VARIANT } from '@/lib/exercises/current-round';
import { findLatestAttempts } from '@/lib/exercises/find-latest-attempts';
import { getExerciseType } from '@/lib/exercises/get-exercise-type';
import { getRoundSeed } from '@/lib/exercises/homework-seed';
import { isReviewDue, reviewRound } from '@/lib/exercises/review-round';
import { regradeAttempt } from '@/lib/exercises/regrade-attempt';
import type { TStudentVariant } from '@/lib/exercises/schemas';

export interface GetVariantOptions {
  userId: string;
  typeId: string;
  /** "Review now": while the skill's review is due, a fresh variant (see review-round.ts); else the current one. */
  isReview?: boolean;
}

/**
 * The student's current variant of an exercise type. The seed is keyed with the server's secret
 * over the user id, the type and the round, and redrawn where a classmate holds the same numbers
 * (getRoundSeed); the client never chooses or computes it.
 */
export async function getVariant({ userId, typeId, isReview = false }: GetVariantOptions): Promise<TStudentVariant> {
  getExerciseType(typeId); // NOT_FOUND for an unknown type before anything is read
  const db = getDb();
  const [latest, isDue] = await Promise.all([
    findLatestAttempts({ db, userId, typeId }),
    isReview ? isReviewDue(db, { userId, typeId, now: new Date() }) : false,
  ]);
  const current = computeRoundState(latest);
  const state = isDue ? reviewRound(current) : current;
  const seed = await getRoundSeed({ userId, typeId, round: state.round, attempts: latest });
  const { allHints, ...variant } = describeVariant(typeId, seed);
  // Every attempt so far in an open round was wrong, so each revealed one hint.
  const revealed = countRevealedHints(state.attemptsUsed, allHints.length);
  const last = latest.find((attempt) => attempt.round === state.round);
  return {
    mode: 'student',
    ...variant,
    hints: allHints.slice(0, revealed),
    round: state.round,
    maxAttempts: MAX_ATTEMPTS_PER_VARIANT,
    attemptsUsed: state.attemptsUsed,
    attemptsLeft: state.attemptsLeft,
    lastAttempt: last ? buildAttemptView({ attempt: last, attemptNumber: state.attemptsUsed, ...regradeAttempt(last) }) : null,
  };
}
