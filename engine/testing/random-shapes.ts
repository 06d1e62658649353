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

