import { withDefaultDtype } from '@/engine';
import type { TTransformerConfig } from './config-schema';
import { createTransformerLearner, TinyTransformer } from './models/transformer-learner';
import { runGradientTraining } from './run-gradient-training';

/**
 * The trained model of a stored Transformer run, rebuilt by training its configuration again for
 * exactly the epochs it completed (its `lrSchedule` included): runs are reproducible bit for bit
 * (float32, seeded data, weights, batch order and dropout), which the challenge re-check relies on
 * too. A run stopped in the middle of an epoch is rebuilt at the end of its last complete epoch.
 */
export function replayTransformer(config: TTransformerConfig, epochs: number): TinyTransformer {
  return withDefaultDtype('float32', () => {
    const learner = createTransformerLearner(config);
    runGradientTraining(config, learner, { epochLimit: epochs });
    if (!(learner.model instanceof TinyTransformer)) throw new TypeError('replayTransformer: the learner holds no TinyTransformer');
    learner.model.eval();
    return learner.model;
  });
}
