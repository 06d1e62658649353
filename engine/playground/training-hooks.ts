import type { AdjustableKnob } from './config-schema';
import type { EpochMetric, StopReason, TrainingSnapshot } from './types';

/** How a training loop talks to whoever runs it (the worker thread, a test, the benchmark). */
export interface TrainingHooks {
  /** Called after every complete epoch; `snapshot` every few epochs and on the last one. */
  onEpoch?: (metric: EpochMetric, snapshot: TrainingSnapshot | null) => void;
  /** Polled between batches: 'user' or 'time' ends the run after the current batch. */
  shouldStop?: (elapsedMs: number) => Extract<StopReason, 'user' | 'time'> | null;
  /** Milliseconds clock; performance.now() by default. */
  now?: () => number;
  /** Train exactly this many epochs (a challenge re-check replays a run that was cut short). */
  epochLimit?: number;
  /** Called after each forward pass, when the activations kept for backward are at their peak; may throw. */
  afterForward?: () => void;
  /**
   * Polled at the start of every epoch for each adjustable knob (learning rate, weight decay): a
   * value the student set while the run trains (null: no change). A new value is applied from
   * that epoch on and recorded in the outcome's schedules.
   */
  requestedKnob?: (knob: AdjustableKnob) => number | null;
}

/** Thrown when the loss stops being a number: the message tells the student what to change. */
export class TrainingDivergedError extends Error {
  override name = 'TrainingDivergedError';
  readonly epoch: number;
  constructor(epoch: number) {
    super(`The loss became NaN or infinite in epoch ${epoch}: the learning rate is probably too high.`);
    this.epoch = epoch;
  }
}

/** The epoch a stored failure message says the run diverged in, or null (the message above is the stored form). */
export function divergedEpoch(error: string | null | undefined): number | null {
  const match = /NaN or infinite in epoch (\d+)/.exec(error ?? '');
  return match ? Number(match[1]) : null;
}

/** Thrown when a run needs more memory than a training worker may use. */
export class TrainingMemoryError extends Error {
  override name = 'TrainingMemoryError';
  constructor(limitMb: number) {
    super(memoryMessage(limitMb));
  }
}

export function memoryMessage(limitMb: number): string {
  return `The run used more than the ${limitMb} MB a training worker may use. Try a smaller model, batch or data set.`;
}

/** Take a picture about 30 times per run, and always after the last epoch. */
export function snapshotEvery(epochs: number): number {
  return Math.max(1, Math.round(epochs / 30));
}
