import { describe, expect, it } from 'vitest';
import { computePoints } from '@/lib/live/state/compute-points';

// Reference points: Kahoot's published rule round(1000 × (1 − t / (2T))) at t = 0, T/2, T, and
// its streak bonus (+100 per consecutive correct answer, capped at +500).
const T = 20_000;

describe('computePoints', () => {
  it('gives Kahoot\'s points for a correct first answer: 1000 at once, 750 at half time, 500 at the buzzer', () => {
    expect(computePoints({ score: 1, msToAnswer: 0, timeLimitMs: T, streakBefore: 0 }).points).toBe(1000);
    expect(computePoints({ score: 1, msToAnswer: T / 2, timeLimitMs: T, streakBefore: 0 }).points).toBe(750);
    expect(computePoints({ score: 1, msToAnswer: T, timeLimitMs: T, streakBefore: 0 }).points).toBe(500);
    expect(computePoints({ score: 1, msToAnswer: 1234, timeLimitMs: T, streakBefore: 0 }).points).toBe(Math.round(1000 * (1 - 1234 / (2 * T))));
  });

  it('scales the points by partial credit and ends the streak unless fully correct', () => {
    const partial = computePoints({ score: 2 / 3, msToAnswer: 5000, timeLimitMs: T, streakBefore: 4 });
    expect(partial.basePoints).toBe(Math.round(1000 * (2 / 3) * (1 - 5000 / (2 * T))));
    expect(partial.streakBonus).toBe(0);
    expect(partial.streak).toBe(0);
    expect(computePoints({ score: 0, msToAnswer: 0, timeLimitMs: T, streakBefore: 3 })).toMatchObject({ points: 0, streak: 0 });
  });

  it('adds +100 per consecutive correct answer after the first, capped at +500', () => {
    const bonuses = [0, 1, 2, 3, 4, 5, 6, 9].map((streakBefore) => computePoints({ score: 1, msToAnswer: 0, timeLimitMs: T, streakBefore }).streakBonus);
    expect(bonuses).toEqual([0, 100, 200, 300, 400, 500, 500, 500]);
    expect(computePoints({ score: 1, msToAnswer: 0, timeLimitMs: T, streakBefore: 2 })).toMatchObject({ streak: 3, points: 1200 });
  });

  it('clamps the measured time to [0, T] and treats a non-finite score as no credit', () => {
    expect(computePoints({ score: 1, msToAnswer: -50, timeLimitMs: T, streakBefore: 0 })).toMatchObject({ points: 1000, countedMs: 0 });
    expect(computePoints({ score: 1, msToAnswer: T + 900, timeLimitMs: T, streakBefore: 0 })).toMatchObject({ points: 500, countedMs: T });
    expect(computePoints({ score: Number.NaN, msToAnswer: 0, timeLimitMs: T, streakBefore: 0 }).points).toBe(0);
    expect(() => computePoints({ score: 1, msToAnswer: 0, timeLimitMs: 0, streakBefore: 0 })).toThrow(RangeError);
  });

  it('never ranks a slower answer above a faster one with the same credit', () => {
    let previous = Infinity;
    for (let ms = 0; ms <= T; ms += 250) {
      const { points } = computePoints({ score: 0.5, msToAnswer: ms, timeLimitMs: T, streakBefore: 0 });
      expect(points).toBeLessThanOrEqual(previous);
      previous = points;
    }
  });
});

describe('computePoints with the session’s scoring options', () => {
  const at = (ms: number, streakBefore: number, scoring: { pointsPerQuestion: number; speedBonus: boolean; streakBonus: boolean }) =>
    computePoints({ score: 1, msToAnswer: ms, timeLimitMs: T, streakBefore, scoring });

  it('gives the full points whenever a correct answer arrives with the speed bonus off', () => {
    const correctnessOnly = { pointsPerQuestion: 1000, speedBonus: false, streakBonus: false };
    expect([0, T / 2, T].map((ms) => at(ms, 0, correctnessOnly).points)).toEqual([1000, 1000, 1000]);
    expect(computePoints({ score: 0.5, msToAnswer: T, timeLimitMs: T, streakBefore: 0, scoring: correctnessOnly }).points).toBe(500);
  });

  it('scales the base and the streak bonus with the points per question, and gives 0 in a practice session', () => {
    const double = { pointsPerQuestion: 2000, speedBonus: true, streakBonus: true };
    // Kahoot's rule doubled: 2000 × (1 − 0.5 / 2) = 1500, and the third correct in a row +200 × 2.
    expect(at(T / 2, 2, double)).toMatchObject({ basePoints: 1500, streakBonus: 400, points: 1900, streak: 3 });
    const practice = { pointsPerQuestion: 0, speedBonus: true, streakBonus: true };
    expect(at(0, 5, practice)).toMatchObject({ points: 0, streak: 6 });
  });

  it('keeps counting the streak with the streak bonus off, and adds nothing for it', () => {
    const noStreak = { pointsPerQuestion: 1000, speedBonus: true, streakBonus: false };
    expect(at(0, 4, noStreak)).toMatchObject({ points: 1000, streakBonus: 0, streak: 5 });
  });
});
