import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ADJUSTABLE_KNOB_NAMES, type AdjustableKnob, type TTrainingConfig } from '@/engine/playground/config-schema';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { memoryMessage } from '@/engine/playground/training-hooks';
import type { EpochMessage, TrainingTask, TrainingTaskResult, WorkerMessage } from './training-worker';

// The worker threads that train. One thread per core minus one (the event loop keeps a core for
// live sessions), each with a capped heap. Our own queue (training-queue.ts) decides what runs;
// the pool is only ever handed as many tasks as it has threads.

export interface TrainingPoolOptions {
  threads?: number;
  memoryMb?: number;
}

export interface RunTaskOptions {
  config: TTrainingConfig;
  wallMs: number;
  epochLimit?: number;
  onEpoch: (message: EpochMessage) => void;
}

export interface RunningTask {
  /** Ends the run after the current batch (the outcome still arrives, reason 'user'). */
  stop: () => void;
  /** Terminates the worker thread outright (a run that ignores its wall time). */
  kill: () => void;
  /** A new learning rate or weight decay, applied by the worker from the next epoch on. */
  setKnob: (knob: AdjustableKnob, value: number) => void;
  result: Promise<TrainingTaskResult>;
}

export interface TrainingPool {
  threads: number;
  run: (options: RunTaskOptions) => RunningTask;
  close: () => Promise<void>;
}

const WORKER_FILE = fileURLToPath(new URL('./training-worker.ts', import.meta.url));
/** How long to wait for the last epoch messages after the result (a worker that died never closes its port). */
const PORT_DRAIN_MS = 2_000;

export function defaultThreadCount(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export function createTrainingPool({ threads = defaultThreadCount(), memoryMb = TRAINING_LIMITS.workerMemoryMb }: TrainingPoolOptions = {}): TrainingPool {
  const piscina = new Piscina<TrainingTask, TrainingTaskResult>({
    filename: WORKER_FILE,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    execArgv: workerExecArgv(),
  });
  return {
    threads,
    run: ({ config, wallMs, epochLimit, onEpoch }) => {
      const stopBuffer = new SharedArrayBuffer(4);
      const knobBuffer = new SharedArrayBuffer(8 * ADJUSTABLE_KNOB_NAMES.length);
      new Float64Array(knobBuffer).fill(Number.NaN);
      const channel = new MessageChannel();
      const abort = new AbortController();
      // The task's result travels on piscina's own channel and may overtake the last epochs, so
      // the result waits for the worker's closing message (or a moment, if the worker died).
      let onDrained = () => {};
      const drained = new Promise<void>((resolve) => (onDrained = resolve));
      channel.port1.on('message', (message: WorkerMessage) => (message.type === 'end' ? onDrained() : onEpoch(message)));
      const result = piscina
        .run({ config, stopBuffer, knobBuffer, wallMs, memoryMb, epochLimit, port: channel.port2 }, { transferList: [channel.port2], signal: abort.signal })
        .catch((error: unknown): TrainingTaskResult => ({ ok: false, error: describeWorkerFailure(error, memoryMb) }))
        .then(async (outcome) => {
          await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, PORT_DRAIN_MS))]);
          channel.port1.close();
          return outcome;
        });
      return {
        stop: () => Atomics.store(new Int32Array(stopBuffer), 0, 1),
        kill: () => abort.abort(),
        // Read by the worker at the start of each epoch; a torn read is impossible for one aligned float64 on the platforms Node runs on.
        setKnob: (knob, value) => {
          new Float64Array(knobBuffer)[ADJUSTABLE_KNOB_NAMES.indexOf(knob)] = value;
        },
        result,
      };
    },
    close: () => piscina.close({ force: true }),
  };
}

/** The worker file is TypeScript: under tsx the loader is inherited; anywhere else (tests) add it. */
function workerExecArgv(): string[] {
  const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return hasTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
}

function describeWorkerFailure(error: unknown, memoryMb: number): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return memoryMessage(memoryMb);
  if (error instanceof Error && error.name === 'AbortError') return 'The run was terminated because it did not stop in time.';
  return 'The training worker failed unexpectedly.';
}
