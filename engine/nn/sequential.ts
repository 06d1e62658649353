import type { Tensor } from '../tensor';
import { Module, type TensorModule } from './module';

/** Applies its layers in order: `new Sequential([new Linear(2, 2, { rng }), new Sigmoid()])`. */
export class Sequential extends Module {
  readonly layers: readonly TensorModule[];

  constructor(layers: readonly TensorModule[]) {
    super();
    this.layers = [...layers];
  }

  forward(x: Tensor): Tensor {
    return this.layers.reduce((h, layer) => layer.forward(h), x);
  }
}
