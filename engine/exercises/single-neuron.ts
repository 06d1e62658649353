import { tensor, type Tensor } from '../index';

// Shared by the perceptron and delta-rule types: one neuron with weights w, bias b and input x.

export interface SingleNeuron {
  w: number[];
  b: number;
  x: number[];
}

/** s = w·x + b with the engine's tensors. */
export function linearOutput({ w, b, x }: SingleNeuron): Tensor {
  return tensor(w).mul(tensor(x)).sum().add(b);
}

/** [b, w1, …, wd]: the engine's learning rules keep the bias first (input x0 = 1). */
export function biasFirst({ w, b }: SingleNeuron): number[] {
  return [b, ...w];
}

export function splitBias(weights: readonly number[]): { b: number; w: number[] } {
  return { b: weights[0], w: weights.slice(1) };
}
