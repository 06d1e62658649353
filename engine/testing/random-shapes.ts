import { Tensor } from '../tensor';
import type { Rng } from '../rng';

/** Test fixtures: reproducible random float64 tensors that require grad. */
export function randomTensor(shape: readonly number[], random: Rng, options: { low?: number; high?: number; requiresGrad?: boolean } = {}): Tensor {
  const size = shape.reduce((p, d) => p * d, 1);
  const data = new Float64Array(size);
  for (let i = 0; i < size; i++) data[i] = random.uniform(options.low ?? -1, options.high ?? 1);
  return new Tensor(data, shape, options.requiresGrad ?? true);
}

/** Values bounded away from 0 (|x| ≥ margin), for ops with a kink or pole at 0 (relu, abs, div). */
export function randomAwayFromZero(shape: readonly number[], random: Rng, margin = 0.1): Tensor {
  const t = randomTensor(shape, random, { low: margin, high: 1.5 });
  for (let i = 0; i < t.size; i++) if (random.next() < 0.5) t.data[i] = -t.data[i];
  return t;
}

/** Broadcasting shape pairs worth checking: equal, row, column, size-1 axes, scalars, rank mismatch. */
export const broadcastCases: ReadonlyArray<readonly [number[], number[]]> = [
  [[3, 4], [3, 4]],
  [[3, 4], [4]],
  [[3, 4], [3, 1]],
  [[2, 1, 4], [3, 1]],
  [[1], [2, 3]],
  [[], [2, 2]],
  [[2, 3], []],
  [[1, 1], [1]],
  [[2, 3, 1], [1, 1, 5]],
];


/**
 * A random pair of broadcast-compatible shapes (rank 0–4, dims 1–4): start from one shape, then
 * for the second drop some leading axes and set some axes to 1 (on either side).
 */
export function randomBroadcastPair(random: Rng): [number[], number[]] {
  const rank = random.int(5);
  const full = Array.from({ length: rank }, () => 1 + random.int(4));
  const a = [...full];
  const b = full.slice(random.int(rank + 1));
  for (let i = 0; i < a.length; i++) if (random.next() < 0.25) a[i] = 1;
  for (let i = 0; i < b.length; i++) if (random.next() < 0.25) b[i] = 1;
  return random.next() < 0.5 ? [a, b] : [b, a];
}
