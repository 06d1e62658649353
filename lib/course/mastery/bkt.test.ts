import { describe, expect, it } from 'vitest';
import { DEFAULT_BKT, masteryLevel, updateKnown } from './bkt';

// Expected values worked out by hand with the default parameters
// P(L0) = 0.1, P(T) = 0.1, P(S) = 0.1, P(G) = 0.2.

describe('Bayesian knowledge tracing', () => {
  it('lowers P(known) after a wrong first answer to 8.2/73', () => {
    // posterior = 0.1·0.1 / (0.1·0.1 + 0.9·0.8) = 0.01/0.73 = 1/73
    // learned   = 1/73 + (72/73)·0.1 = 8.2/73 ≈ 0.1123288
    expect(updateKnown(DEFAULT_BKT.pInit, false)).toBeCloseTo(8.2 / 73, 12);
  });

  it('raises it after a right answer that follows: 7.38/20.34 then the learning step', () => {
    // p = 8.2/73; p·0.9 = 7.38/73; (1 − p)·0.2 = 12.96/73
    // posterior = 7.38 / (7.38 + 12.96) = 7.38/20.34 ≈ 0.3628319
    // learned   = 0.3628319 + 0.6371681·0.1 ≈ 0.4265487
    const posterior = 7.38 / 20.34;
    expect(updateKnown(8.2 / 73, true)).toBeCloseTo(posterior + (1 - posterior) * 0.1, 12);
    expect(updateKnown(8.2 / 73, true)).toBeCloseTo(0.4265487, 6);
  });

  it('reaches Mastered after four right answers in a row from the prior', () => {
    // 0.1 → right: 0.09/(0.09+0.18) = 1/3 → 0.4
    //     → right: 0.36/(0.36+0.12) = 0.75 → 0.775
    //     → right: 0.6975/(0.6975+0.045) = 0.939394 → 0.945455
    //     → right: 0.8509/(0.8509+0.010909) = 0.987342 → 0.988608
    let p = DEFAULT_BKT.pInit;
    const levels: string[] = [];
    for (const expected of [0.4, 0.775, 0.9454545, 0.9886076]) {
      p = updateKnown(p, true);
      expect(p).toBeCloseTo(expected, 6);
      levels.push(masteryLevel(p, 1));
    }
    expect(levels).toEqual(['ATTEMPTED', 'FAMILIAR', 'PROFICIENT', 'MASTERED']);
  });

  it('names the levels by their thresholds and says Not started without attempts', () => {
    expect(masteryLevel(null, 0)).toBe('NOT_STARTED');
    expect(masteryLevel(0.49, 2)).toBe('ATTEMPTED');
    expect(masteryLevel(0.5, 2)).toBe('FAMILIAR');
    expect(masteryLevel(0.8, 2)).toBe('PROFICIENT');
    expect(masteryLevel(0.95, 2)).toBe('MASTERED');
  });
});
