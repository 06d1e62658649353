import { describe, expect, it } from 'vitest';
import { rng } from './rng';

describe('rng', () => {
  it('gives the same sequence for the same seed, numeric or string, and different ones otherwise', () => {
    const take = (seed: number | string) => { const r = rng(seed); return Array.from({ length: 5 }, () => r.next()); };
    expect(take(42)).toEqual(take(42));
    expect(take('class-7:alice')).toEqual(take('class-7:alice'));
    expect(take(42)).not.toEqual(take(43));
    expect(take('42')).toEqual(take(42)); // a seed is hashed from its decimal text
  });

  it('pins the first outputs of seed 1 so every machine and Node version must agree', () => {
    // Regression pin, not a correctness oracle: if these change, seeded exercises change for every student.
    const r = rng(1);
    const first = Array.from({ length: 3 }, () => r.int(1_000_000));
    expect(first).toEqual(PINNED_SEED_1);
  });

  it('next() is uniform in [0, 1): mean ≈ 1/2, variance ≈ 1/12', () => {
    const r = rng('uniform');
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const v = r.next();
      if (!(v >= 0 && v < 1)) outOfRange++;
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / n;
    expect(outOfRange).toBe(0);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('normal() has mean ≈ 0 and standard deviation ≈ 1', () => {
    const r = rng('normal');
    const n = 100_000;
    const xs = Array.from({ length: n }, () => r.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(std - 1)).toBeLessThan(0.02);
  });

  it('int(n) covers 0..n−1 evenly and shuffle permutes in place', () => {
    const r = rng('ints');
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = r.shuffle(items);
    expect(shuffled).toBe(items);
    expect([...items].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(() => r.int(0)).toThrow(/positive integer/);
  });
});

const PINNED_SEED_1 = [869693, 462716, 124096];
