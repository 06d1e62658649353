// Piscina worker: trains one configuration off the main thread. Epochs stream back over the
// MessagePort in the task; a stop is a flag in shared memory, read between batches, so the loop
// never has to yield to hear it.
import type { MessagePort } from 'node:worker_threads';
import { parseTrainingConfig } from '../runs/parse-training-config';
import { kernelReport, type KernelReport } from '@/engine';
import { ADJUSTABLE_KNOB_NAMES } from '@/engine/playground/config-schema';
import { trainModel } from '@/engine/playground/train-model';
import { TrainingMemoryError } from '@/engine/playground/training-hooks';
import type { EpochMetric, TrainingOutcome, TrainingSnapshot } from '@/engine/playground/types';

export interface TrainingTask {
  config: unknown;
  /** Int32Array view: slot 0 becomes 1 when the owner presses stop. */
  stopBuffer: SharedArrayBuffer;
  /**
   * Float64Array view, one slot per adjustable knob in ADJUSTABLE_KNOB_NAMES order (learning
   * rate, weight decay): a value the owner set while it trains (NaN: none).
   */
  knobBuffer?: SharedArrayBuffer;
  wallMs: number;
  /**
   * Memory budget of the thread. V8's resourceLimits cap only the JS heap; tensors live in
   * ArrayBuffers outside it, so heap + ArrayBuffers are also checked after every forward pass.
   */
  memoryMb: number;
  /** Replay exactly this many epochs (challenge re-check). */
  epochLimit?: number;
  port: MessagePort;
}

export interface EpochMessage {
  type: 'epoch';
  metric: EpochMetric;
  snapshot: TrainingSnapshot | null;
}

/** Epochs, then one 'end' once nothing more will come on the port. */
export type WorkerMessage = EpochMessage | { type: 'end' };

/** `kernels`: which kernels trained the run in this thread (a check that workers get the WebAssembly ones). */
export type TrainingTaskResult = { ok: true; outcome: TrainingOutcome; kernels: KernelReport } | { ok: false; error: string };

export default function runTrainingTask(task: TrainingTask): TrainingTaskResult {
  const stopFlag = new Int32Array(task.stopBuffer);
  const requested = task.knobBuffer ? new Float64Array(task.knobBuffer) : null;
  try {
    const config = parseTrainingConfig(task.config);
    const outcome = trainModel(config, {
      epochLimit: task.epochLimit,
      shouldStop: (elapsedMs) => (Atomics.load(stopFlag, 0) === 1 ? 'user' : elapsedMs > task.wallMs ? 'time' : null),
      requestedKnob: (knob) => {
        const value = requested?.[ADJUSTABLE_KNOB_NAMES.indexOf(knob)] ?? Number.NaN;
        return Number.isNaN(value) ? null : value;
      },
      onEpoch: (metric, snapshot) => task.port.postMessage({ type: 'epoch', metric, snapshot } satisfies WorkerMessage),
      afterForward: () => {
        const { heapUsed, arrayBuffers } = process.memoryUsage();
        if (heapUsed + arrayBuffers > task.memoryMb * 1024 * 1024) throw new TrainingMemoryError(task.memoryMb);
      },
    });
    return { ok: true, outcome, kernels: kernelReport() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    task.port.postMessage({ type: 'end' } satisfies WorkerMessage);
    task.port.close();
  }
}
