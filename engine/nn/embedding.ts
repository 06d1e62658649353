import type { DType, Tensor } from '../tensor';
import { tensor } from '../creation';
import type { Rng } from '../rng';
import { Module } from './module';
import { parameter } from './init';
import { EngineError } from '../errors';

type Indices = number | Indices[];

/**
 * A lookup table [count, dim], initialised N(0, 1) like PyTorch. forward(indices) with indices of
 * any nesting returns [...indices shape, dim].
 */
export class Embedding extends Module {
  readonly weight: Tensor;

  constructor(
    readonly count: number,
    readonly dim: number,
    options: { rng: Rng; dtype?: DType },
  ) {
    super();
    this.weight = parameter(
      Array.from({ length: count * dim }, () => options.rng.normal()),
      [count, dim],
      options.dtype,
    );
  }

  forward(indices: Indices): Tensor {
    const shape: number[] = [];
    for (let level: Indices = indices; Array.isArray(level); level = level[0]) shape.push(level.length);
    const flat = flattenIndices(indices);
    if (flat.length !== shape.reduce((n, d) => n * d, 1)) throw new EngineError('Embedding', 'ragged index array');
    // A one-hot matmul is a lookup whose gradient (scatter-add into the used rows) comes for free
    // from matmul's backward; vocabularies in class are small enough that this costs nothing.
    const oneHot = new Array<number>(flat.length * this.count).fill(0);
    flat.forEach((index, row) => {
      if (!Number.isInteger(index) || index < 0 || index >= this.count) {
        throw new EngineError('Embedding', `index ${index} is outside 0…${this.count - 1}`);
      }
      oneHot[row * this.count + index] = 1;
    });
    const rows = tensor({ data: oneHot, shape: [flat.length, this.count] }, { dtype: this.weight.dtype }).matmul(this.weight);
    return rows.reshape([...shape, this.dim]);
  }
}

function flattenIndices(indices: Indices, out: number[] = []): number[] {
  if (Array.isArray(indices)) for (const inner of indices) flattenIndices(inner, out);
  else out.push(indices);
  return out;
}
