import type { DType, Tensor } from '../tensor';
import { Module } from './module';
import { filledParameter } from './init';

/**
 * Layer normalisation over the last axis (Ba et al., 2016):
 * y = (x − mean) / √(var + eps) · γ + β, with the biased variance, as PyTorch.
 */
export class LayerNorm extends Module {
  readonly gamma: Tensor;
  readonly beta: Tensor;

  constructor(
    readonly features: number,
    readonly options: { eps?: number; dtype?: DType } = {},
  ) {
    super();
    this.gamma = filledParameter([features], 1, options.dtype);
    this.beta = filledParameter([features], 0, options.dtype);
  }

  forward(x: Tensor): Tensor {
    const centred = x.sub(x.mean(-1, true));
    const variance = centred.mul(centred).mean(-1, true);
    return centred.div(variance.add(this.options.eps ?? 1e-5).sqrt()).mul(this.gamma).add(this.beta);
  }
}
