import type { Rng } from '../index';

/**
 * Draws the numbers an exercise shows. Every value is already rounded (integers or a few
 * decimals), so the expected answer is computed from exactly what the student sees.
 */
export class Random {
  constructor(private readonly rng: Rng) {}

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + this.rng.int(max - min + 1);
  }

  /** Uniform on the grid min, min + 10^-places, …, max (e.g. places = 1: tenths). */
  decimal(min: number, max: number, places = 1): number {
    const scale = 10 ** places;
    return this.int(Math.round(min * scale), Math.round(max * scale)) / scale;
  }

  /** Like `decimal`, but never 0 (a zero weight or input makes a cell trivial). */
  nonZeroDecimal(min: number, max: number, places = 1): number {
    for (;;) {
      const value = this.decimal(min, max, places);
      if (value !== 0) return value;
    }
  }

  pick<T>(items: readonly T[]): T {
    return items[this.rng.int(items.length)];
  }

  chance(probability: number): boolean {
    return this.rng.next() < probability;
  }

  vector(length: number, draw: () => number): number[] {
    return Array.from({ length }, draw);
  }

  matrix(rows: number, cols: number, draw: () => number): number[][] {
    return Array.from({ length: rows }, () => this.vector(cols, draw));
  }
}
