import type { DType, Tensor } from '../tensor';
import type { Rng } from '../rng';
import { Module } from './module';
import { filledParameter, initWeight, type Init } from './init';

export interface LinearOptions {
  rng: Rng;
  /** Learn a bias (default true). */
  bias?: boolean;
  /** Weight initialisation (default 'xavier'; use 'he' in front of a ReLU). */
  init?: Init;
  /** Parameter dtype (default: the thread's `defaultDtype()`, float64 unless set; float32 trains faster). */
  dtype?: DType;
}

/**
 * y = x W + b with W [in, out] (row-vector convention, the transpose of PyTorch's layout) and
 * b [out]. x may have any leading axes: [..., in] → [..., out].
 */
export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions,
  ) {
    super();
    const fans = { fanIn: inFeatures, fanOut: outFeatures };
    this.weight = initWeight([inFeatures, outFeatures], options.init ?? 'xavier', fans, options.rng, options.dtype);
    this.bias = options.bias === false ? null : filledParameter([outFeatures], 0, options.dtype);
  }

  forward(x: Tensor): Tensor {
    // matmul broadcasts leading axes, so [..., in] → [..., out] needs no reshape.
    const y = x.matmul(this.weight);
    return this.bias ? y.add(this.bias) : y;
  }
}
