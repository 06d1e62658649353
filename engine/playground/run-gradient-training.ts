import { rng } from '@/engine';
import type { AdjustableKnob, GradientConfig } from './config-schema';
import { buildOptimizer } from './models/build-optimizer';
import type { Learner } from './models/learner';
import { TrainingDivergedError, snapshotEvery, type TrainingHooks } from './training-hooks';
import { boundFrames } from './snapshot-content';
import type { EpochMetric, KnobSchedules, StopReason, TrainingOutcome, TrainingSnapshot } from './types';

/**
 * Mini-batch training shared by the MLP, CNN, RNN/LSTM and Transformer: shuffle (seeded), step,
 * evaluate on the validation set, early-stop on validation loss. Synchronous and pure apart from
 * the hooks, so it runs the same in a worker thread, a test or the benchmark.
 */
export function runGradientTraining(config: GradientConfig, learner: Learner, hooks: TrainingHooks = {}): TrainingOutcome {
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const shuffler = rng(`${config.seed}:shuffle`);
  const optimizer = buildOptimizer(learner.model.parameters(), config);
  const epochs = hooks.epochLimit ?? config.epochs;
  const every = snapshotEvery(epochs);
  const order = Array.from({ length: learner.trainSize }, (_, i) => i);
  const metrics: EpochMetric[] = [];
  let snapshot: TrainingSnapshot | null = null;
  const frames: TrainingSnapshot[] = [];
  const stored: Record<AdjustableKnob, Map<number, number>> = {
    lr: new Map((config.lrSchedule ?? []).map((change) => [change.epoch, change.lr])),
    weightDecay: new Map((config.weightDecaySchedule ?? []).map((change) => [change.epoch, change.weightDecay])),
  };
  const schedules: KnobSchedules = { lrSchedule: [], weightDecaySchedule: [] };
  let bestValLoss = Infinity;
  let epochsWithoutImprovement = 0;
  let stopReason: StopReason = 'done';

  training: for (let epoch = 1; epoch <= epochs; epoch++) {
    // The stored schedules first (a replay), then a change asked for while this run trains.
    const lr = stored.lr.get(epoch) ?? hooks.requestedKnob?.('lr') ?? optimizer.lr;
    if (lr !== optimizer.lr) {
      optimizer.lr = lr;
      schedules.lrSchedule.push({ epoch, lr });
    }
    const weightDecay = stored.weightDecay.get(epoch) ?? hooks.requestedKnob?.('weightDecay') ?? optimizer.weightDecay;
    if (weightDecay !== optimizer.weightDecay) {
      optimizer.weightDecay = weightDecay;
      schedules.weightDecaySchedule.push({ epoch, weightDecay });
    }
    learner.model.train();
    shuffler.shuffle(order);
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (let start = 0; start < order.length; start += config.batchSize) {
      const stop = hooks.shouldStop?.(now() - started) ?? null;
      if (stop) {
        stopReason = stop;
        break training;
      }
      const batch = order.slice(start, start + config.batchSize);
      optimizer.zeroGrad();
      const result = learner.batchLoss(batch);
      hooks.afterForward?.();
      const value = result.loss.item();
      if (!Number.isFinite(value)) throw new TrainingDivergedError(epoch);
      result.loss.backward();
      optimizer.step();
      lossSum += value * result.count;
      correct += result.correct;
      seen += result.count;
    }
    learner.model.eval();
    const validation = learner.evaluate();
    if (!Number.isFinite(validation.loss)) throw new TrainingDivergedError(epoch);
    const metric: EpochMetric = { epoch, loss: lossSum / seen, valLoss: validation.loss, acc: correct / seen, valAcc: validation.acc, ms: Math.round(now() - started), lr: optimizer.lr, weightDecay: optimizer.weightDecay };
    metrics.push(metric);

    if (validation.loss < bestValLoss) {
      bestValLoss = validation.loss;
      epochsWithoutImprovement = 0;
    } else {
      epochsWithoutImprovement++;
    }
    const isEarlyStop = config.patience > 0 && epochsWithoutImprovement >= config.patience;
    const isLast = epoch === epochs || isEarlyStop;
    const picture = epoch % every === 0 || isLast ? learner.snapshot(epoch) : null;
    if (picture) {
      snapshot = picture;
      frames.push(picture);
    }
    hooks.onEpoch?.(metric, picture);
    if (isEarlyStop) {
      stopReason = 'early';
      break;
    }
  }

  learner.model.eval();
  const last = metrics.at(-1);
  if (last && snapshot?.epoch !== last.epoch) {
    snapshot = learner.snapshot(last.epoch);
    frames.push(snapshot);
  }
  // The last picture carries the trained weights where the model's page uses them (draw a digit).
  if (snapshot && learner.withTrainedWeights) {
    snapshot = learner.withTrainedWeights(snapshot);
    frames[frames.length - 1] = snapshot;
  }
  return {
    stopReason,
    metrics,
    finalValAcc: last?.valAcc ?? 0,
    params: learner.model.parameterCount(),
    snapshot,
    frames: boundFrames(frames),
    schedules,
    trainMs: Math.round(now() - started),
  };
}
