import 'server-only';
import type { TTransformerConfig } from '@/engine/playground/config-schema';
import type { TinyTransformer } from '@/engine/playground/models/transformer-learner';
import { replayTransformer } from '@/engine/playground/replay-transformer';

// A run's trained Transformer is rebuilt by replaying its training (replay-transformer.ts): about
// as long as the run trained. The last few are kept in memory, so stepping through a trace,
// changing the target and grading its questions replay once per process.
const MAX_MODELS = 8;

const globalForModels = globalThis as unknown as { traceModels?: Map<string, TinyTransformer> };

export function getTrainedTransformer(runId: string, config: TTransformerConfig, epochs: number): TinyTransformer {
  const models = (globalForModels.traceModels ??= new Map());
  // The configuration is part of the key: a finishing run stores its learning-rate changes in it.
  const key = `${runId}:${epochs}:${JSON.stringify(config)}`;
  const cached = models.get(key);
  if (cached) {
    models.delete(key);
    models.set(key, cached);
    return cached;
  }
  const model = replayTransformer(config, epochs);
  models.set(key, model);
  while (models.size > MAX_MODELS) models.delete(models.keys().next().value as string);
  return model;
}
