import { withDefaultDtype } from '@/engine';
import type { TTrainingConfig } from './config-schema';
import { createCnnLearner } from './models/cnn-learner';
import type { Learner } from './models/learner';
import { createMlpLearner } from './models/mlp-learner';
import { createRecurrentLearner } from './models/recurrent-learner';
import { createTransformerLearner } from './models/transformer-learner';
import { runClassicTraining } from './run-classic-training';
import { runGradientTraining } from './run-gradient-training';
import type { TrainingHooks } from './training-hooks';
import type { TrainingOutcome } from './types';

/**
 * Trains one configuration from scratch. Every random choice (data, split, initial weights,
 * shuffling, dropout) comes from the engine's seeded rng, so the same configuration gives the
 * same curve bit for bit, wherever and whenever it runs (unless a stop cuts it short).
 */
export function trainModel(config: TTrainingConfig, hooks: TrainingHooks = {}): TrainingOutcome {
  if (config.model === 'perceptron' || config.model === 'delta-rule') return runClassicTraining(config, hooks);
  return withDefaultDtype('float32', () => runGradientTraining(config, createLearner(config), hooks)); // float32: the engine's WebAssembly SIMD kernels
}

export function createLearner(config: Exclude<TTrainingConfig, { model: 'perceptron' | 'delta-rule' }>): Learner {
  switch (config.model) {
    case 'mlp':
      return createMlpLearner(config);
    case 'cnn':
      return createCnnLearner(config);
    case 'rnn':
    case 'lstm':
      return createRecurrentLearner(config);
    case 'transformer':
      return createTransformerLearner(config);
  }
}
