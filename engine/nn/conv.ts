import type { DType, Tensor } from '../tensor';
import { conv2d } from '../functional/conv';
import { maxPool2d } from '../functional/pool';
import type { Rng } from '../rng';
import { Module } from './module';
import { filledParameter, initWeight, type Init } from './init';

export interface Conv2dOptions {
  rng: Rng;
  stride?: number;
  padding?: number;
  bias?: boolean;
  /** Weight initialisation (default 'he': convolutions are usually followed by a ReLU). */
  init?: Init;
  dtype?: DType;
}

/** 2-D convolution, NCHW: x [batch, inChannels, H, W], weight [outChannels, inChannels, k, k]. */
export class Conv2d extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly stride: number;
  readonly padding: number;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    readonly kernelSize: number,
    options: Conv2dOptions,
  ) {
    super();
    const receptiveField = kernelSize * kernelSize;
    this.weight = initWeight(
      [outChannels, inChannels, kernelSize, kernelSize],
      options.init ?? 'he',
      { fanIn: inChannels * receptiveField, fanOut: outChannels * receptiveField },
      options.rng,
      options.dtype,
    );
    this.bias = options.bias === false ? null : filledParameter([outChannels], 0, options.dtype);
    this.stride = options.stride ?? 1;
    this.padding = options.padding ?? 0;
  }

  forward(x: Tensor): Tensor {
    return conv2d(x, this.weight, this.bias ?? undefined, { stride: this.stride, padding: this.padding });
  }
}

/** Max pooling over kernel × kernel windows; stride defaults to the kernel size. */
export class MaxPool2d extends Module {
  readonly stride: number;

  constructor(
    readonly kernelSize: number,
    options: { stride?: number } = {},
  ) {
    super();
    this.stride = options.stride ?? kernelSize;
  }

  forward(x: Tensor): Tensor {
    return maxPool2d(x, { kernel: this.kernelSize, stride: this.stride });
  }
}

/** [batch, ...] → [batch, product of the rest]: the bridge from convolutions to Linear. */
export class Flatten extends Module {
  forward(x: Tensor): Tensor {
    const batch = x.shape[0];
    return x.reshape([batch, x.size / batch]);
  }
}
