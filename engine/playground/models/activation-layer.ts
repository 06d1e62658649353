import { nn } from '@/engine';
import type { TMlpConfig } from '../config-schema';

export function activationLayer(name: TMlpConfig['activation']): nn.TensorModule {
  if (name === 'relu') return new nn.ReLU();
  if (name === 'tanh') return new nn.Tanh();
  return new nn.Sigmoid();
}

/** He initialisation in front of a ReLU, Xavier in front of tanh and sigmoid. */
export function initFor(name: TMlpConfig['activation']): nn.Init {
  return name === 'relu' ? 'he' : 'xavier';
}
