// Piscina worker: trains one configuration off the main thread. Epochs stream back over the
// MessagePort in the task; a stop is a flag in shared memory, read between batches, so the loop
// never has to yield to hear it.
import type { MessagePort } from 'node:worker_threads';
import { ZTrainingConfig } from './config-schema';
import { trainModel } from './train-model';
import type { EpochMetric, TrainingOutcome, TrainingSnapshot } from './types';

export interface TrainingTask {
  config: unknown;
  /** Int32Array view: slot 0 becomes 1 when the owner presses stop. */
  stopBuffer: SharedArrayBuffer;
  wallMs: number;
  /** Replay exactly this many epochs (challenge re-check). */
  epochLimit?: number;
  port: MessagePort;
}

export interface EpochMessage {
  metric: EpochMetric;
  snapshot: TrainingSnapshot | null;
}

export type TrainingTaskResult = { ok: true; outcome: TrainingOutcome } | { ok: false; error: string };

export default function runTrainingTask(task: TrainingTask): TrainingTaskResult {
  const stopFlag = new Int32Array(task.stopBuffer);
  try {
    const config = ZTrainingConfig.parse(task.config);
    const outcome = trainModel(config, {
      epochLimit: task.epochLimit,
      shouldStop: (elapsedMs) => (Atomics.load(stopFlag, 0) === 1 ? 'user' : elapsedMs > task.wallMs ? 'time' : null),
      onEpoch: (metric, snapshot) => task.port.postMessage({ metric, snapshot } satisfies EpochMessage),
    });
    return { ok: true, outcome };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    task.port.close();
  }
}
