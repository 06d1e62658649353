import type { Exercise } from './definition';
import { compGraph } from './types/comp-graph';
import { deltaRule } from './types/delta-rule';
import { perceptronStep } from './types/perceptron-step';
import { sigmoidDerivative } from './types/sigmoid-derivative';

/** Every exercise type, in course order. Add a new type here (see README.md). */
export const registry: readonly Exercise[] = [perceptronStep, deltaRule, sigmoidDerivative, compGraph];
