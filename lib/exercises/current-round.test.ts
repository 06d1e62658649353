import { describe, expect, it } from 'vitest';
import { computeRoundState, countRevealedHints, MAX_ATTEMPTS_PER_VARIANT } from './current-round';

const wrong = (round: number) => ({ round, correct: false });
const right = (round: number) => ({ round, correct: true });

describe('computeRoundState', () => {
  it('starts a new student on round 0 with every attempt left', () => {
    expect(computeRoundState([])).toEqual({ round: 0, attemptsUsed: 0, attemptsLeft: MAX_ATTEMPTS_PER_VARIANT });
  });

  it('keeps the variant while wrong attempts remain', () => {
    expect(computeRoundState([wrong(0)])).toEqual({ round: 0, attemptsUsed: 1, attemptsLeft: 2 });
    expect(computeRoundState([wrong(0), wrong(0)])).toEqual({ round: 0, attemptsUsed: 2, attemptsLeft: 1 });
  });

  it('moves to a new variant after three wrong attempts', () => {
    expect(computeRoundState([wrong(0), wrong(0), wrong(0)])).toEqual({ round: 1, attemptsUsed: 0, attemptsLeft: 3 });
  });

  it('moves to a new variant as soon as an answer is right', () => {
    expect(computeRoundState([right(0)])).toEqual({ round: 1, attemptsUsed: 0, attemptsLeft: 3 });
    expect(computeRoundState([wrong(4), right(4)])).toEqual({ round: 5, attemptsUsed: 0, attemptsLeft: 3 });
  });

  it('counts only the attempts of the highest round', () => {
    expect(computeRoundState([wrong(2), wrong(1), wrong(1), wrong(1)])).toEqual({ round: 2, attemptsUsed: 1, attemptsLeft: 2 });
  });
});

describe('countRevealedHints', () => {
  it('reveals one hint per wrong attempt, up to the number of hints', () => {
    expect([0, 1, 2, 3].map((wrongAttempts) => countRevealedHints(wrongAttempts, 2))).toEqual([0, 1, 2, 2]);
    expect(countRevealedHints(3, 1)).toBe(1);
  });
});
