export interface Scored {
  score: number;
}

/**
 * Standard competition ranking ("1224"): equal scores share a rank and the next rank skips.
 * Scores are compared after rounding to 1e-9 so float sums of equal best scores tie.
 */
export function rankByScore<T extends Scored>(entries: readonly T[], tieBreak: (a: T, b: T) => number): (T & { rank: number })[] {
  const rounded = (value: number) => Math.round(value * 1e9) / 1e9;
  const sorted = [...entries].sort((a, b) => rounded(b.score) - rounded(a.score) || tieBreak(a, b));
  let rank = 0;
  return sorted.map((entry, index) => {
    if (index === 0 || rounded(sorted[index - 1].score) !== rounded(entry.score)) rank = index + 1;
    return { ...entry, rank };
  });
}
