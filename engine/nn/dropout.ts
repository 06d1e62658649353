import type { Tensor } from '../tensor';
import { dropout } from '../functional/dropout';
import type { Rng } from '../rng';
import { Module } from './module';

/** Inverted dropout: zeroes each input with probability p in training, the identity in eval mode. */
export class Dropout extends Module {
  private readonly rng: Rng;

  constructor(
    readonly p: number,
    options: { rng: Rng },
  ) {
    super();
    this.rng = options.rng;
  }

  forward(x: Tensor): Tensor {
    return dropout(x, this.p, { training: this.training, rng: this.rng });
  }
}
