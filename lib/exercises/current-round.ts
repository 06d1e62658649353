// Variant rounds: a student answers one variant (one seed) until it is right or has had
// MAX_ATTEMPTS_PER_VARIANT attempts; the next round brings new numbers. Pure, so the rule is
// tested on its own and the API, the page and the bench all apply the same one.

export const MAX_ATTEMPTS_PER_VARIANT = 3;

export interface RoundAttempt {
  round: number;
  correct: boolean;
}

export interface RoundState {
  round: number;
  attemptsUsed: number;
  attemptsLeft: number;
}

/**
 * The round the student works on now, from their attempts on one exercise type. Only the
 * attempts of the highest round matter, so callers may pass just the latest few.
 */
export function computeRoundState(attempts: readonly RoundAttempt[]): RoundState {
  if (attempts.length === 0) return { round: 0, attemptsUsed: 0, attemptsLeft: MAX_ATTEMPTS_PER_VARIANT };
  const latest = Math.max(...attempts.map((attempt) => attempt.round));
  const inLatest = attempts.filter((attempt) => attempt.round === latest);
  if (isRoundOver(inLatest)) return { round: latest + 1, attemptsUsed: 0, attemptsLeft: MAX_ATTEMPTS_PER_VARIANT };
  return { round: latest, attemptsUsed: inLatest.length, attemptsLeft: MAX_ATTEMPTS_PER_VARIANT - inLatest.length };
}

/** A right answer ends the round too, so "try another" gives new numbers instead of the solved ones. */
export function isRoundOver(attemptsInRound: readonly RoundAttempt[]): boolean {
  return attemptsInRound.length >= MAX_ATTEMPTS_PER_VARIANT || attemptsInRound.some((attempt) => attempt.correct);
}

/** Hints are progressive: one more after each wrong attempt on the variant. */
export function countRevealedHints(wrongAttempts: number, hintCount: number): number {
  return Math.max(0, Math.min(wrongAttempts, hintCount));
}
