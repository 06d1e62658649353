import type { TTrainingConfig } from './config-schema';
import { cnnShapes } from './models/cnn-shapes';

// The parameter count of a configuration, by formula, so the form can show it as knobs move and
// the schema can refuse a model over the limit without building it. A unit test checks every
// formula against the engine's Module.parameterCount() of the model actually built.

const linear = (inputs: number, outputs: number) => inputs * outputs + outputs;

export function countParameters(config: TTrainingConfig): number {
  switch (config.model) {
    case 'perceptron':
    case 'delta-rule':
      return 3;
    case 'mlp': {
      let total = 0;
      let width = 2;
      for (const units of config.hidden) {
        total += linear(width, units);
        width = units;
      }
      return total + linear(width, 1);
    }
    case 'cnn': {
      const shapes = cnnShapes(config);
      let total = config.filters * (config.kernel * config.kernel + 1);
      if (config.filters2 > 0) total += config.filters2 * (config.filters * config.kernel * config.kernel + 1);
      if (config.hidden > 0) return total + linear(shapes.flat, config.hidden) + linear(config.hidden, 10);
      return total + linear(shapes.flat, 10);
    }
    case 'rnn':
      // Inputs: one-hot symbol + the marker channel (recurrent-learner.ts).
      return (config.symbols + 1) * config.hiddenSize + config.hiddenSize * config.hiddenSize + config.hiddenSize + linear(config.hiddenSize, config.symbols);
    case 'lstm':
      return 4 * config.hiddenSize * (config.symbols + 1 + config.hiddenSize + 1) + linear(config.hiddenSize, config.symbols);
    case 'transformer': {
      const { vocab, seqLength, dModel: d, dFF } = config;
      const attention = 4 * linear(d, d);
      const feedForward = linear(d, dFF) + linear(dFF, d);
      const norms = 2 * 2 * d;
      return vocab * d + seqLength * d + config.layers * (attention + feedForward + norms) + linear(d, vocab);
    }
  }
}
