import { withDefaultDtype } from '@/engine';
import type { TTransformerConfig } from './config-schema';
import { TinyTransformer } from './models/transformer-learner';
import { loadParameters } from './stored-parameters';

/**
 * A run's trained Transformer: built from its configuration (float32, as it trained) with the
 * parameters its last picture stores. Throws StoredWeightsMismatchError when they do not fit.
 */
export function trainedTransformer(config: TTransformerConfig, parameters: readonly (readonly number[])[]): TinyTransformer {
  return withDefaultDtype('float32', () => {
    const model = new TinyTransformer(config);
    loadParameters(model, parameters);
    return model.eval();
  });
}
