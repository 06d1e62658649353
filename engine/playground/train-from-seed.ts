import type { TTrainingConfig } from './config-schema';
import { trainModel } from './train-model';
import { ZTrainingConfig } from './training-config';
import type { EpochMetric } from './types';

/** What a "predict, then train" question needs of a run: the curves and where they ended. */
export type TrainedCurves = {
  /** One entry per epoch: loss, validation loss, accuracy, validation accuracy (and the learning rate). */
  curves: EpochMetric[];
  final: { loss: number; valLoss: number; acc: number; valAcc: number; epochs: number };
  params: number;
};

/**
 * Trains a playground configuration with the given seed (initial weights, batch order, dropout)
 * and returns its curves and final metrics. Synchronous and deterministic: the same configuration
 * and seed give the same numbers anywhere. Throws a ZodError for a configuration out of limits,
 * and TrainingDivergedError when the loss stops being a number.
 */
export function trainConfigFromSeed(config: TTrainingConfig, seed: number): TrainedCurves {
  const parsed = ZTrainingConfig.parse({ ...config, seed });
  const outcome = trainModel(parsed);
  const last = outcome.metrics.at(-1);
  return {
    curves: outcome.metrics.map(({ ms: _ms, ...metric }) => ({ ...metric, ms: 0 })),
    final: { loss: last?.loss ?? Number.NaN, valLoss: last?.valLoss ?? Number.NaN, acc: last?.acc ?? 0, valAcc: last?.valAcc ?? 0, epochs: outcome.metrics.length },
    params: outcome.params,
  };
}
