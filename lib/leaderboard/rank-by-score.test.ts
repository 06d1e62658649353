import { describe, expect, it } from 'vitest';
import { rankByScore } from '@/lib/leaderboard/rank-by-score';

describe('rankByScore', () => {
  it('gives equal scores the same rank and skips the next ones (1, 2, 2, 4)', () => {
    const ranked = rankByScore(
      [
        { name: 'c', score: 1.5 },
        { name: 'a', score: 3 },
        { name: 'b', score: 1.5 },
        { name: 'd', score: 0 },
      ],
      (x, y) => x.name.localeCompare(y.name),
    );
    expect(ranked.map((entry) => [entry.name, entry.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('treats float sums that differ only by rounding error as a tie', () => {
    const ranked = rankByScore([{ score: 0.1 + 0.2 }, { score: 0.3 }], () => 0);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 1]);
  });

  it('returns nothing for nobody', () => {
    expect(rankByScore([], () => 0)).toEqual([]);
  });
});
