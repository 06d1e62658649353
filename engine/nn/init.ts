// Seeded weight initialisation. Every initialiser draws from the rng it is given, in row-major
// order, so the same seed always yields the same network (in either dtype: values are drawn in
// float64 and rounded once). Without a dtype, parameters take the thread's default (`setDefaultDtype`).
import type { DType, Tensor } from '../tensor';
import { tensor } from '../creation';
import type { Rng } from '../rng';

export type Init = 'xavier' | 'he';

/**
 * 'xavier': Glorot uniform, U(−a, a) with a = √(6 / (fanIn + fanOut)), keeps the variance of
 * tanh/sigmoid layers steady in both directions. 'he': N(0, 2 / fanIn), for ReLU layers.
 */
export function initWeight(
  shape: readonly number[],
  init: Init,
  fans: { fanIn: number; fanOut: number },
  rng: Rng,
  dtype?: DType,
): Tensor {
  const size = shape.reduce((n, d) => n * d, 1);
  const data = new Array<number>(size);
  if (init === 'xavier') {
    const a = Math.sqrt(6 / (fans.fanIn + fans.fanOut));
    for (let i = 0; i < size; i++) data[i] = (2 * rng.next() - 1) * a;
  } else {
    const std = Math.sqrt(2 / fans.fanIn);
    for (let i = 0; i < size; i++) data[i] = rng.normal() * std;
  }
  return parameter(data, shape, dtype);
}

export function filledParameter(shape: readonly number[], value: number, dtype?: DType): Tensor {
  return parameter(new Array<number>(shape.reduce((n, d) => n * d, 1)).fill(value), shape, dtype);
}

export function parameter(data: number[], shape: readonly number[], dtype?: DType): Tensor {
  return tensor({ data, shape: [...shape] }, { requiresGrad: true, dtype });
}
