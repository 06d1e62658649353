import { getConfig } from '@/lib/config';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { createTrainingPool, defaultThreadCount, type TrainingPool } from './training-pool';
import { TrainingQueue } from './training-queue';
import { TRAINING_SERVER_EVENTS } from '../training-events';
import type { EpochMetric, RunProgress, TrainingSnapshot, LrChange } from '@/engine/playground/types';

// The training machinery of one server process: the worker pool (created on the first run),
// the queue in front of it, the runs it knows about, and where progress is published. server.ts's
// process creates it when it registers the socket handlers; Next's route handlers never touch it.

export interface TrainingPublisher {
  toUser: (userId: string, event: string, payload: unknown) => void;
  toChallenge: (challengeId: string, event: string, payload: unknown) => void;
}

/** A run this process has queued or is training: the live state behind its progress events. */
export interface ActiveRun {
  runId: string;
  userId: string;
  totalEpochs: number;
  /** The run's wall-time limit: the server's, or a challenge's smaller budget. */
  wallMs: number;
  status: 'QUEUED' | 'RUNNING';
  metrics: EpochMetric[];
  /** The latest picture, and every picture so far (the timeline). */
  snapshot: TrainingSnapshot | null;
  frames: TrainingSnapshot[];
  /** Learning-rate changes the worker applied (filled from the outcome). */
  lrChanges: LrChange[];
  /** Set by a stop that arrives before the worker has the task; honoured as soon as it does. */
  isStopRequested: boolean;
  stopTask?: () => void;
  /** Set while a gradient-trained run is in a worker: a new learning rate from the next epoch on. */
  setLr?: (lr: number) => void;
}

export interface TrainingRuntime {
  readonly pool: TrainingPool;
  readonly queue: TrainingQueue;
  readonly publisher: TrainingPublisher;
  readonly active: Map<string, ActiveRun>;
  readonly wallMs: number;
  readonly hardKillGraceMs: number;
  publishProgress: (userId: string, progress: RunProgress) => void;
  close: () => Promise<void>;
}

export interface CreateTrainingRuntimeOptions {
  publisher: TrainingPublisher;
  threads?: number;
  wallSeconds?: number;
  memoryMb?: number;
}

export function createTrainingRuntime(options: CreateTrainingRuntimeOptions): TrainingRuntime {
  const threads = options.threads ?? defaultThreadCount();
  let pool: TrainingPool | undefined;
  const active = new Map<string, ActiveRun>();
  const publishProgress = (userId: string, progress: RunProgress) => options.publisher.toUser(userId, TRAINING_SERVER_EVENTS.progress, progress);
  const queue = new TrainingQueue({
    concurrency: threads,
    maxRunningPerUser: TRAINING_LIMITS.maxRunningPerUser,
    maxQueuedPerUser: TRAINING_LIMITS.maxQueuedPerUser,
    maxQueueLength: TRAINING_LIMITS.maxQueueLength,
    onPositions: (positions) => {
      for (const { job, position } of positions) {
        const run = active.get(job.id);
        if (run?.status === 'QUEUED') publishProgress(run.userId, { runId: run.runId, status: 'QUEUED', position, metrics: [], totalEpochs: run.totalEpochs });
      }
    },
  });
  return {
    get pool() {
      pool ??= createTrainingPool({ threads, memoryMb: options.memoryMb });
      return pool;
    },
    queue,
    publisher: options.publisher,
    active,
    wallMs: (options.wallSeconds ?? TRAINING_LIMITS.wallSeconds) * 1000,
    hardKillGraceMs: TRAINING_LIMITS.hardKillGraceSeconds * 1000,
    publishProgress,
    close: async () => {
      await pool?.close();
    },
  };
}

const globalForTraining = globalThis as unknown as { trainingRuntime?: TrainingRuntime };

/** This process's runtime, created on first use with the configured threads and wall time. */
export function getTrainingRuntime(publisher?: TrainingPublisher): TrainingRuntime {
  if (!globalForTraining.trainingRuntime) {
    if (!publisher) throw new Error('the training runtime is created by registerTrainingHandlers (server.ts), not here');
    const config = getConfig();
    globalForTraining.trainingRuntime = createTrainingRuntime({
      publisher,
      threads: config.TRAINING_WORKERS,
      wallSeconds: config.TRAINING_WALL_SECONDS,
    });
  }
  return globalForTraining.trainingRuntime;
}

