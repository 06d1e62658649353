import { getConfig } from '@/lib/config';
import { JOB_QUEUES, ensureQueue } from '@/lib/jobs/boss';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import type { RunProgress } from '@/engine/playground/types';
import { TRAINING_SERVER_EVENTS } from '../training-events';
import { createTrainingWorker, type TrainingPublisher, type TrainingWorker } from './training-job-worker';

export type { ActiveRun, TrainingPublisher } from './training-job-worker';

// The training side of one web process: where runs are sent (a pg-boss queue on the database),
// the wall time it grants, where progress is published, and — unless TRAINING_IN_PROCESS=0 — a
// training worker of its own, so `npm start` alone trains. Web-only processes leave training to
// `npm run worker` processes (lib/training/runtime/worker-main.ts). server.ts's process creates
// it when it registers the socket handlers; Next's route handlers never touch it.

export interface TrainingRuntime {
  readonly publisher: TrainingPublisher;
  /** The pg-boss queue this runtime sends runs to (tests use their own). */
  readonly queueName: string;
  readonly wallMs: number;
  /** This process's worker, when it trains. */
  readonly worker: TrainingWorker | undefined;
  /** Resolves once runs can be sent (the queue exists) and the in-process worker takes jobs. */
  readonly ready: Promise<void>;
  publishProgress: (userId: string, progress: RunProgress) => void;
  close: () => Promise<void>;
}

export interface CreateTrainingRuntimeOptions {
  publisher: TrainingPublisher;
  /** Train in this process (default true). */
  hasWorker?: boolean;
  threads?: number;
  wallSeconds?: number;
  memoryMb?: number;
  queueName?: string;
}

export function createTrainingRuntime(options: CreateTrainingRuntimeOptions): TrainingRuntime {
  const queueName = options.queueName ?? JOB_QUEUES.training;
  const worker = (options.hasWorker ?? true) ? createTrainingWorker({ publisher: options.publisher, queueName, threads: options.threads, memoryMb: options.memoryMb }) : undefined;
  const queueReady = ensureQueue(queueName);
  return {
    publisher: options.publisher,
    queueName,
    wallMs: (options.wallSeconds ?? TRAINING_LIMITS.wallSeconds) * 1000,
    worker,
    ready: Promise.all([queueReady, worker?.ready]).then(() => {}),
    publishProgress: (userId, progress) => options.publisher.toUser(userId, TRAINING_SERVER_EVENTS.progress, progress),
    close: async () => {
      await worker?.close();
    },
  };
}

const globalForTraining = globalThis as unknown as { trainingRuntime?: TrainingRuntime };

/** This process's runtime, created on first use with the configured threads, wall time and worker. */
export function getTrainingRuntime(publisher?: TrainingPublisher): TrainingRuntime {
  if (!globalForTraining.trainingRuntime) {
    if (!publisher) throw new Error('the training runtime is created by registerTrainingHandlers (server.ts), not here');
    const config = getConfig();
    globalForTraining.trainingRuntime = createTrainingRuntime({
      publisher,
      hasWorker: config.TRAINING_IN_PROCESS,
      threads: config.TRAINING_WORKERS,
      wallSeconds: config.TRAINING_WALL_SECONDS,
    });
  }
  return globalForTraining.trainingRuntime;
}

/** Shutdown: stops this process's worker if one was created (its runs in hand are retried by another worker). */
export async function closeTrainingRuntime(): Promise<void> {
  const runtime = globalForTraining.trainingRuntime;
  globalForTraining.trainingRuntime = undefined;
  await runtime?.close();
}
