import { describe, expect, it } from 'vitest';
import { hardestConditions, pearson, summarizeItems, type VariantRow } from './summarize-items';

const v = (userId: string, typeId: string, attempts: number, scores: number[], params?: VariantRow['params']): VariantRow => ({
  userId,
  typeId,
  attempts,
  scoreSum: scores.reduce((a, b) => a + b, 0),
  best: Math.max(...scores),
  isFirstCorrect: scores[0] === 1,
  isSolved: scores.includes(1),
  params,
});

describe('question statistics', () => {
  it('computes attempts, students, mean score, first-try success and attempts to solve by hand', () => {
    const rows = [
      v('s1', 'a', 1, [1]), // solved first try
      v('s1', 'a', 2, [0.5, 1]), // solved on the 2nd
      v('s2', 'a', 3, [0, 0.25, 0.5]), // not solved
      v('s3', 'a', 3, [0, 0, 1]), // solved on the 3rd
    ];
    const [stats] = summarizeItems(['a'], rows);
    // attempts 1+2+3+3 = 9; scores sum 1 + 1.5 + 0.75 + 1 = 4.25 → mean 4.25/9
    expect(stats).toMatchObject({ typeId: 'a', attempts: 9, students: 3, variants: 4 });
    expect(stats.meanScore).toBeCloseTo(4.25 / 9, 12);
    // first-try right: 1 of 4 variants
    expect(stats.firstTrySuccess).toBe(0.25);
    // solved variants used 1, 2 and 3 attempts → mean 2
    expect(stats.meanAttemptsToSolve).toBe(2);
  });

  it('takes discrimination as the correlation of the item best with the rest of the total', () => {
    // Best on 'a': s1 1, s2 0.5, s3 0; rest ('b'): s1 1, s2 0.5, s3 0.5.
    const rows = [v('s1', 'a', 1, [1]), v('s2', 'a', 1, [0.5]), v('s3', 'a', 1, [0]), v('s1', 'b', 1, [1]), v('s2', 'b', 1, [0.5]), v('s3', 'b', 1, [0.5])];
    // x = (1, .5, 0), mean .5; y = (1, .5, .5), mean 2/3.
    // Sxy = .5·(1/3) + 0 + (−.5)(−1/6) = 1/6 + 1/12 = 1/4; Sxx = .5; Syy = 1/9 + 1/36 + 1/36 = 1/6
    // r = (1/4) / sqrt(.5 · 1/6) = 0.25 / 0.288675 = 0.866025 (= √3/2)
    const [a] = summarizeItems(['a'], rows);
    expect(a.discrimination).toBeCloseTo(Math.sqrt(3) / 2, 12);
    expect(pearson([1, 1, 1], [0, 1, 2])).toBeNull();
    expect(pearson([1, 2], [1, 2])).toBeNull();
  });

  it('finds the variant parameters that fail first try more often than the rest', () => {
    const rows: VariantRow[] = [];
    // 6 variants stride 2 padding 1: 6 fail; 6 stride 1 padding 1: 1 fails; 6 stride 1 padding 0: 1 fails.
    for (let i = 0; i < 6; i++) rows.push(v(`u${i}`, 'conv', 1, [0], { stride: 2, padding: 1 }));
    for (let i = 0; i < 6; i++) rows.push(v(`w${i}`, 'conv', 1, [i === 0 ? 0 : 1], { stride: 1, padding: 1 }));
    for (let i = 0; i < 6; i++) rows.push(v(`x${i}`, 'conv', 1, [i === 0 ? 0 : 1], { stride: 1, padding: 0 }));
    // Overall 8/18. stride=2: 6/6 = 1 → ×2.25; stride=2, padding=1 the same; padding=1: 7/12 → ×1.3125.
    const found = hardestConditions(rows);
    expect(found.map((c) => c.condition)).toEqual(['stride=2', 'padding=1, stride=2', 'padding=1']);
    expect(found[0]).toMatchObject({ variants: 6, failureRate: 1 });
    expect(found[0].ratio).toBeCloseTo(18 / 8, 12);
    expect(found[2].ratio).toBeCloseTo((7 / 12) / (8 / 18), 12);
  });
});
