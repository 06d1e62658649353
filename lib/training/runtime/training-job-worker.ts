import type PgBoss from 'pg-boss';
import { getDb } from '@/lib/db';
import { ensureQueue, getBoss } from '@/lib/jobs/boss';
import { getLogger } from '@/lib/log';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import type { AdjustableKnob } from '@/engine/playground/config-schema';
import type { EpochMetric, KnobSchedules, RunProgress, TrainingSnapshot } from '@/engine/playground/types';
import { createTrainingPool, defaultThreadCount, type TrainingPool } from './training-pool';
import { ZTrainingJob } from './training-jobs';
import { listenForRunCommands, type TRunCommand, type TRunCommandReply } from './run-control';
import { TRAINING_SERVER_EVENTS } from '../training-events';
import { claimRun } from '../runs/claim-run';
import { executeRun } from '../runs/execute-run';
import { failOrphanedRuns } from '../runs/fail-orphaned-runs';
import { publishQueuePositions } from '../runs/queue-positions';
import { parseTrainingConfig } from '../runs/parse-training-config';
import { recheckEntry } from '../challenges/recheck-entry';

// A training worker: takes training jobs from pg-boss (as many at once as its pool has threads),
// trains them in its piscina pool and publishes their progress. It runs inside `npm start`'s
// process by default and alone in `npm run worker` processes, any number, on any machine that
// reaches the database. Stops and knob changes (learning rate, weight decay) reach it through run-control.ts.

export interface TrainingPublisher {
  toUser: (userId: string, event: string, payload: unknown) => void;
  toChallenge: (challengeId: string, event: string, payload: unknown) => void;
}

/** A run this worker is training: the live state behind its progress events. */
export interface ActiveRun {
  runId: string;
  userId: string;
  totalEpochs: number;
  /** The run's wall-time limit: the server's, or a challenge's smaller budget. */
  wallMs: number;
  status: 'RUNNING';
  metrics: EpochMetric[];
  /** The latest picture, and every picture so far (the timeline). */
  snapshot: TrainingSnapshot | null;
  frames: TrainingSnapshot[];
  /** Learning-rate and weight-decay changes the worker applied (filled from the outcome). */
  schedules: KnobSchedules;
  /** Set by a stop that arrives before the pool has the task; honoured as soon as it does. */
  isStopRequested: boolean;
  stopTask?: () => void;
  /** Set while a gradient-trained run is in a thread: a new learning rate or weight decay from the next epoch on. */
  setKnob?: (knob: AdjustableKnob, value: number) => void;
}

export interface TrainingWorker {
  readonly pool: TrainingPool;
  readonly active: Map<string, ActiveRun>;
  readonly hardKillGraceMs: number;
  readonly publisher: TrainingPublisher;
  publishProgress: (userId: string, progress: RunProgress) => void;
  /** Resolves once the worker is taking jobs. */
  readonly ready: Promise<void>;
  /** Fetch now instead of at the next poll (a run was just sent from this process). */
  wake: () => void;
  /** Stops taking jobs (shutdown); runs in hand are not stopped: their jobs are retried by another worker. */
  close: () => Promise<void>;
}

export interface CreateTrainingWorkerOptions {
  publisher: TrainingPublisher;
  queueName: string;
  threads?: number;
  memoryMb?: number;
}

const POLLING_INTERVAL_SECONDS = 0.5;
/** Runs lost with their worker, or never sent, are failed this often (by every worker; it is idempotent). */
const SWEEP_INTERVAL_MS = 15_000;

export function createTrainingWorker({ publisher, queueName, threads = defaultThreadCount(), memoryMb }: CreateTrainingWorkerOptions): TrainingWorker {
  let pool: TrainingPool | undefined;
  const active = new Map<string, ActiveRun>();
  const workerIds: string[] = [];
  let boss: PgBoss | undefined;
  let stopListening: (() => void) | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  let isClosed = false;

  const publishProgress = (userId: string, progress: RunProgress) => publisher.toUser(userId, TRAINING_SERVER_EVENTS.progress, progress);
  // Started on the next tick, once `worker` below exists (the job handler trains through it).
  const ready = Promise.resolve()
    .then(() => start())
    .catch((error: unknown) => {
      getLogger().error({ err: error }, 'training: the worker could not start');
      throw error;
    });

  const worker: TrainingWorker = {
    get pool() {
      pool ??= createTrainingPool({ threads, memoryMb });
      return pool;
    },
    active,
    hardKillGraceMs: TRAINING_LIMITS.hardKillGraceSeconds * 1000,
    publisher,
    publishProgress,
    ready,
    wake: () => {
      for (const id of workerIds) boss?.notifyWorker(id);
    },
    close: async () => {
      isClosed = true;
      clearInterval(sweepTimer);
      stopListening?.();
      await Promise.all(workerIds.map((id) => boss?.offWork({ id }).catch(() => {})));
      // Runs still in hand are left to pg-boss: the process is exiting, their jobs expire and
      // another worker restarts them. An idle pool is closed now.
      if (active.size === 0) await pool?.close();
    },
  };

  const handleCommand = (runId: string, command: TRunCommand): TRunCommandReply | undefined => {
    const run = active.get(runId);
    if (!run) return undefined;
    if (command.type === 'stop') {
      run.isStopRequested = true;
      run.stopTask?.();
      return { type: 'stopping' };
    }
    if (!run.setKnob) return { type: 'knob-not-adjustable' };
    run.setKnob(command.knob, command.value);
    return { type: 'knob-set', fromEpoch: (run.metrics.at(-1)?.epoch ?? 0) + 1 };
  };

  const handleJob = async (job: PgBoss.JobWithMetadata<unknown>, workerId: string): Promise<void> => {
    const data = ZTrainingJob.parse(job.data);
    if (data.kind === 'recheck') {
      await recheckEntry({ worker, ...data });
      return;
    }
    const claim = await claimRun(data.runId);
    if (claim.kind === 'owner-busy') {
      // Back into the line (it keeps its place); fetch the next job at once instead of after a poll.
      boss?.notifyWorker(workerId);
      throw new OwnerBusyError(data.runId);
    }
    if (claim.kind === 'failed') {
      publishProgress(claim.userId, (await failedProgress(data.runId)) ?? { runId: data.runId, status: 'FAILED', metrics: [], totalEpochs: 0 });
      return;
    }
    if (claim.kind === 'gone') return;
    void publishQueuePositions(publishProgress).catch((error: unknown) => getLogger().warn({ err: error }, 'training: could not publish queue positions'));
    const config = parseTrainingConfig(claim.config);
    const run: ActiveRun = { runId: data.runId, userId: claim.userId, totalEpochs: config.epochs, wallMs: data.wallMs, status: 'RUNNING', metrics: [], snapshot: null, frames: [], schedules: { lrSchedule: [], weightDecaySchedule: [] }, isStopRequested: false };
    if (claim.isRestart) getLogger().warn({ runId: run.runId }, 'training: restarting a run whose worker was lost');
    getLogger().info({ runId: run.runId, userId: run.userId, isRestart: claim.isRestart }, 'training: took a run');
    active.set(run.runId, run);
    await executeRun({ worker, run, config });
  };

  const start = async () => {
    boss = await getBoss();
    await ensureQueue(queueName);
    stopListening = await listenForRunCommands(handleCommand);
    const sweep = () =>
      failOrphanedRuns()
        .then((failed) => {
          for (const run of failed) publishProgress(run.userId, run.progress);
        })
        .catch((error: unknown) => getLogger().warn({ err: error }, 'training: the orphaned-run sweep failed'));
    void sweep();
    sweepTimer = setInterval(sweep, SWEEP_INTERVAL_MS);
    sweepTimer.unref();
    for (let slot = 0; slot < threads && !isClosed; slot++) {
      let workerId = '';
      workerId = await boss.work<unknown>(queueName, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS }, async ([job]) => handleJob(job, workerId));
      workerIds.push(workerId);
    }
  };
  return worker;
}

/** Thrown to hand a job back to pg-boss: its owner's previous run is still training. */
class OwnerBusyError extends Error {
  override name = 'OwnerBusyError';
  constructor(runId: string) {
    super(`run ${runId} waits for its owner's previous run`);
  }
}

async function failedProgress(runId: string): Promise<RunProgress | null> {
  const row = await getDb().trainingRun.findUnique({ where: { id: runId }, select: { error: true } });
  return row ? { runId, status: 'FAILED', metrics: [], totalEpochs: 0, error: row.error ?? undefined } : null;
}
