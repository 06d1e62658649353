import type { DType, Tensor } from '../tensor';
import type { Rng } from '../rng';
import { multiHeadAttention, type AttentionResult } from '../functional/attention';
import { Module } from './module';
import { filledParameter, initWeight } from './init';
import { EngineError } from '../errors';

export interface MultiHeadAttentionOptions {
  rng: Rng;
  /** Learn biases on the four projections (default true). */
  bias?: boolean;
  dtype?: DType;
}

/**
 * Multi-head attention with learned projections Wq, Wk, Wv, Wo [dModel, dModel] (Xavier) and
 * biases (zeros). forward(xq, xkv = xq) is self-attention when xkv is omitted.
 */
export class MultiHeadAttention extends Module {
  readonly Wq: Tensor;
  readonly Wk: Tensor;
  readonly Wv: Tensor;
  readonly Wo: Tensor;
  readonly bq?: Tensor;
  readonly bk?: Tensor;
  readonly bv?: Tensor;
  readonly bo?: Tensor;

  constructor(
    readonly dModel: number,
    readonly heads: number,
    options: MultiHeadAttentionOptions,
  ) {
    super();
    if (dModel % heads !== 0) throw new EngineError('MultiHeadAttention', `dModel ${dModel} is not divisible by ${heads} heads`);
    const { rng, dtype } = options;
    const projection = () => initWeight([dModel, dModel], 'xavier', { fanIn: dModel, fanOut: dModel }, rng, dtype);
    this.Wq = projection();
    this.Wk = projection();
    this.Wv = projection();
    this.Wo = projection();
    if (options.bias !== false) {
      this.bq = filledParameter([dModel], 0, dtype);
      this.bk = filledParameter([dModel], 0, dtype);
      this.bv = filledParameter([dModel], 0, dtype);
      this.bo = filledParameter([dModel], 0, dtype);
    }
  }

  forward(xq: Tensor, xkv: Tensor = xq, options: { mask?: Tensor } = {}): AttentionResult {
    return multiHeadAttention(xq, xkv, this, { heads: this.heads, mask: options.mask });
  }
}
