import { allocate, defineOp, type DType, type Tensor } from '../tensor';
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
    const rows = flattenIndices(indices);
    if (rows.length !== shape.reduce((n, d) => n * d, 1)) throw new EngineError('Embedding', 'ragged index array');
    for (const index of rows) {
      if (!Number.isInteger(index) || index < 0 || index >= this.count) {
        throw new EngineError('Embedding', `index ${index} is outside 0…${this.count - 1}`);
      }
    }
    return lookup(this.weight, rows, [...shape, this.dim]);
  }
}

/** Forward: copy row `rows[r]` of the table. Backward: add each output row's gradient back onto the row it came from (repeats add up). */
function lookup(table: Tensor, rows: readonly number[], shape: readonly number[]): Tensor {
  const dim = table.shape[1];
  const out = allocate(table.dtype, rows.length * dim);
  rows.forEach((row, r) => out.set(table.data.subarray(row * dim, (row + 1) * dim), r * dim));
  return defineOp({
    name: 'embedding', inputs: [table], data: out, shape,
    backward: (g) => {
      const gTable = allocate(table.dtype, table.size);
      rows.forEach((row, r) => {
        for (let j = 0; j < dim; j++) gTable[row * dim + j] += g[r * dim + j];
      });
      return [gTable];
    },
  });
}

function flattenIndices(indices: Indices, out: number[] = []): number[] {
  if (Array.isArray(indices)) for (const inner of indices) flattenIndices(inner, out);
  else out.push(indices);
  return out;
}
