import type { Rng } from '@/engine/rng';

/** Shuffled indices 0…n−1 cut into validation (the first ⌈n·valSplit⌉) and training. */
export function splitIndices(n: number, valSplit: number, random: Rng): { train: number[]; val: number[] } {
  const order = random.shuffle(Array.from({ length: n }, (_, i) => i));
  const valCount = Math.min(n - 1, Math.max(1, Math.ceil(n * valSplit)));
  return { val: order.slice(0, valCount), train: order.slice(valCount) };
}
