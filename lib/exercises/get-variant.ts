import 'server-only';
import { generate, hints } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { buildAttemptView } from '@/lib/exercises/build-attempt-view';
import { computeRoundState, countRevealedHints, MAX_ATTEMPTS_PER_VARIANT } from '@/lib/exercises/current-round';
import { findLatestAttempts } from '@/lib/exercises/find-latest-attempts';
import { getExerciseType } from '@/lib/exercises/get-exercise-type';
import { getRoundSeed } from '@/lib/exercises/homework-seed';
import { regradeAttempt } from '@/lib/exercises/regrade-attempt';
import type { TStudentVariant } from '@/lib/exercises/schemas';

export interface GetVariantOptions {
  userId: string;
  typeId: string;
}

/**
 * The student's current variant of an exercise type. The seed is keyed with the server's secret
 * over the user id, the type and the round, and redrawn where a classmate holds the same numbers
 * (getRoundSeed); the client never chooses or computes it.
 */
export async function getVariant({ userId, typeId }: GetVariantOptions): Promise<TStudentVariant> {
  const type = getExerciseType(typeId);
  const latest = await findLatestAttempts({ db: getDb(), userId, typeId });
  const state = computeRoundState(latest);
  const seed = await getRoundSeed({ userId, typeId, round: state.round, attempts: latest });
  const exercise = generate(typeId, seed);
  const allHints = hints(typeId, seed);
  // Every attempt so far in an open round was wrong, so each revealed one hint.
  const revealed = countRevealedHints(state.attemptsUsed, allHints.length);
  const last = latest.find((attempt) => attempt.round === state.round);
  return {
    mode: 'student',
    typeId,
    title: type.title,
    unit: type.unit,
    difficulty: type.difficulty,
    prompt: exercise.prompt,
    given: exercise.given,
    answer: exercise.answer,
    tolerance: type.tolerance.doc,
    hints: allHints.slice(0, revealed),
    hintCount: allHints.length,
    round: state.round,
    maxAttempts: MAX_ATTEMPTS_PER_VARIANT,
    attemptsUsed: state.attemptsUsed,
    attemptsLeft: state.attemptsLeft,
    lastAttempt: last ? buildAttemptView({ attempt: last, attemptNumber: state.attemptsUsed, ...regradeAttempt(last) }) : null,
  };
}
