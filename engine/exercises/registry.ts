import type { Exercise } from './definition';
import { affineBackward } from './types/affine-backward';
import { compGraph } from './types/comp-graph';
import { deltaRule } from './types/delta-rule';
import { perceptronStep } from './types/perceptron-step';
import { sigmoidDerivative } from './types/sigmoid-derivative';
import { softmaxCeGrad } from './types/softmax-ce-grad';
import { weightDecay } from './types/weight-decay';

/** Every exercise type, in course order. Add a new type here (see README.md). */
export const registry: readonly Exercise[] = [
  perceptronStep,
  deltaRule,
  sigmoidDerivative,
  compGraph,
  affineBackward,
  softmaxCeGrad,
  weightDecay,
];
