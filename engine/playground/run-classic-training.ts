import { linearOutput, rng, trainDeltaRule, trainPerceptron } from '@/engine';
import type { TClassicConfig } from './config-schema';
import { CLASSIC_EXTENT, generateClassicDataset, type ClassicDataset } from './datasets/classic';
import { BOUNDARY_RES } from './models/mlp-learner';
import { boundFrames } from './snapshot-content';
import { snapshotEvery, TrainingDivergedError, type TrainingHooks } from './training-hooks';
import type { BoundarySnapshot, EpochMetric, StopReason, TrainingOutcome, TrainingSnapshot } from './types';

/**
 * The lecture's single neurons, one epoch at a time with the engine's own rules: Rosenblatt's
 * perceptron (stops after a pass without a mistake, which never comes on XOR) and the delta rule
 * (a linear unit descending ½(t − s)²). Loss is the fraction of mistakes for the perceptron and
 * the mean ½(t − s)² for the delta rule.
 */
export function runClassicTraining(config: TClassicConfig, hooks: TrainingHooks = {}, data: ClassicDataset = generateClassicDataset(config)): TrainingOutcome {
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const initRng = rng(`${config.seed}:init`);
  let weights = [0, 0, 0].map(() => initRng.uniform(-0.5, 0.5));
  const epochs = hooks.epochLimit ?? config.epochs;
  const every = snapshotEvery(epochs);
  const metrics: EpochMetric[] = [];
  let snapshot: TrainingSnapshot | null = null;
  const frames: TrainingSnapshot[] = [];
  let stopReason: StopReason = 'done';

  for (let epoch = 1; epoch <= epochs; epoch++) {
    const stop = hooks.shouldStop?.(now() - started) ?? null;
    if (stop) {
      stopReason = stop;
      break;
    }
    let converged = false;
    if (config.model === 'perceptron') {
      const result = trainPerceptron(data.train.x, data.train.y, { lr: config.lr, epochs: 1, w0: weights });
      weights = result.weights;
      converged = result.converged;
    } else {
      weights = trainDeltaRule(data.train.x, data.train.y, { lr: config.lr, epochs: 1, w0: weights }).weights;
      if (!weights.every(Number.isFinite)) throw new TrainingDivergedError(epoch);
    }
    const train = measure(config.model, weights, data.train);
    const val = measure(config.model, weights, data.val);
    const metric: EpochMetric = { epoch, loss: train.loss, valLoss: val.loss, acc: train.acc, valAcc: val.acc, ms: Math.round(now() - started) };
    metrics.push(metric);
    const isLast = epoch === epochs || converged;
    const picture = epoch % every === 0 || isLast ? classicBoundary(config.model, weights, epoch) : null;
    if (picture) {
      snapshot = picture;
      frames.push(picture);
    }
    hooks.onEpoch?.(metric, picture);
    if (converged) break;
  }
  const last = metrics.at(-1);
  if (last && snapshot?.epoch !== last.epoch) {
    snapshot = classicBoundary(config.model, weights, last.epoch);
    frames.push(snapshot);
  }
  return { stopReason, metrics, finalValAcc: last?.valAcc ?? 0, params: 3, snapshot, frames: boundFrames(frames), schedules: { lrSchedule: [], weightDecaySchedule: [] }, trainMs: Math.round(now() - started) };
}

function measure(model: TClassicConfig['model'], weights: number[], set: ClassicDataset['train']): { loss: number; acc: number } {
  let right = 0;
  let error = 0;
  set.x.forEach((x, n) => {
    const s = linearOutput(weights, x);
    if ((s > 0 ? 1 : -1) === set.y[n]) right++;
    error += 0.5 * (set.y[n] - s) ** 2;
  });
  const acc = right / set.y.length;
  return { loss: model === 'perceptron' ? 1 - acc : error / set.y.length, acc };
}

/** The perceptron's picture is its hard threshold; the delta rule's shows s mapped from [−1, 1] to [0, 1]. */
function classicBoundary(model: TClassicConfig['model'], weights: number[], epoch: number): BoundarySnapshot {
  const [xMin, xMax, yMin, yMax] = CLASSIC_EXTENT;
  const res = BOUNDARY_RES;
  const grid: number[] = [];
  for (let row = 0; row < res; row++) {
    for (let col = 0; col < res; col++) {
      const s = linearOutput(weights, [xMin + ((col + 0.5) / res) * (xMax - xMin), yMax - ((row + 0.5) / res) * (yMax - yMin)]);
      const value = model === 'perceptron' ? (s > 0 ? 1 : 0) : (Math.max(-1, Math.min(1, s)) + 1) / 2;
      grid.push(Math.round(value * 1000) / 1000);
    }
  }
  return { kind: 'boundary', epoch, res, extent: CLASSIC_EXTENT, grid };
}
