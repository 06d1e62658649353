import { explain, hints } from '@/engine/exercises';
import { countRevealedHints, MAX_ATTEMPTS_PER_VARIANT } from '@/lib/exercises/current-round';
import type { TAttemptView, TSubmitResult } from '@/lib/exercises/schemas';

export interface BuildSubmitResultOptions {
  typeId: string;
  seed: number;
  attempt: TAttemptView;
}

/**
 * The answer to a submission, as of that attempt (with the worked solution once the round is over). It depends only on the stored attempt and the
 * attempts before it, so a retried submission gets exactly the same JSON back.
 */
export function buildSubmitResult({ typeId, seed, attempt }: BuildSubmitResultOptions): TSubmitResult {
  const isRoundOver = attempt.correct || attempt.attemptNumber >= MAX_ATTEMPTS_PER_VARIANT;
  // Every earlier attempt of a round was wrong: a right one would have ended it.
  const wrongAttempts = attempt.correct ? attempt.attemptNumber - 1 : attempt.attemptNumber;
  // Building the hints means drawing the variant again: skip it when none is due.
  const allHints = wrongAttempts > 0 ? hints(typeId, seed) : [];
  return {
    attempt,
    isRoundOver,
    attemptsLeft: isRoundOver ? 0 : MAX_ATTEMPTS_PER_VARIANT - attempt.attemptNumber,
    hints: allHints.slice(0, countRevealedHints(wrongAttempts, allHints.length)),
    // The answer is no secret once the round is over; before that, never.
    solution: isRoundOver ? explain(typeId, seed).map(({ text, latex }) => ({ text, latex })) : null,
  };
}
