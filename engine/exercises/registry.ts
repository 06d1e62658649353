import type { Exercise } from './definition';
import { perceptronStep } from './types/perceptron-step';

/** Every exercise type, in course order. Add a new type here (see README.md). */
export const registry: readonly Exercise[] = [perceptronStep];
