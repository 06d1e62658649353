import 'server-only';
import type { Exercise } from './definition';
import { affineBackward } from './types/affine-backward';
import { causalAttention } from './types/causal-attention';
import { compGraph } from './types/comp-graph';
import { convOutputShape } from './types/conv-output-shape';
import { conv2dOutput } from './types/conv2d-output';
import { deltaRule } from './types/delta-rule';
import { dotAttention } from './types/dot-attention';
import { dropoutExercise } from './types/dropout';
import { lenetShapes } from './types/lenet-shapes';
import { lstmStep } from './types/lstm-step';
import { mhaShapes } from './types/mha-shapes';
import { paramCounts } from './types/param-counts';
import { perceptronStep } from './types/perceptron-step';
import { pooling } from './types/pooling';
import { rnnStep } from './types/rnn-step';
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
  conv2dOutput,
  convOutputShape,
  pooling,
  lenetShapes,
  paramCounts,
  dropoutExercise,
  rnnStep,
  lstmStep,
  dotAttention,
  causalAttention,
  mhaShapes,
];
