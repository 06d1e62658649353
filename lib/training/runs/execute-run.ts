import { getDb } from '@/lib/db';
import { getLogger } from '@/lib/log';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { toStoredMetrics } from './stored-run-schema';
import type { ActiveRun, TrainingWorker } from '../runtime/training-job-worker';
import type { RunStatusName, StopReason } from '@/engine/playground/types';

/** Progress reaches the browser at most this often; epochs in between travel together. */
const EMIT_INTERVAL_MS = 150;
/** The stored curve is refreshed this often while training, so a reload shows recent progress. */
const FLUSH_INTERVAL_MS = 2_000;

export interface ExecuteRunOptions {
  worker: TrainingWorker;
  run: ActiveRun;
  config: TTrainingConfig;
}

/**
 * Trains a run the worker has claimed (claim-run.ts: it is RUNNING) in the pool: streams its epochs
 * to the owner, stores the curve every few seconds and the outcome at the end. Never rejects:
 * whatever happens, the row ends COMPLETED, STOPPED or FAILED and the owner hears about it.
 */
export async function executeRun({ worker, run, config }: ExecuteRunOptions): Promise<void> {
  const db = getDb();
  try {
    worker.publishProgress(run.userId, { runId: run.runId, status: 'RUNNING', metrics: [], totalEpochs: run.totalEpochs });

    let sent = 0;
    let sentFrames = 0;
    const emit = () => {
      if (sent === run.metrics.length && sentFrames === run.frames.length) return;
      const frames = run.frames.slice(sentFrames);
      worker.publishProgress(run.userId, { runId: run.runId, status: 'RUNNING', metrics: run.metrics.slice(sent), snapshot: frames.at(-1), frames, totalEpochs: run.totalEpochs });
      sent = run.metrics.length;
      sentFrames = run.frames.length;
    };
    let flushing: Promise<unknown> = Promise.resolve();
    const flush = () => {
      const metrics = toStoredMetrics(run.metrics, run.frames);
      flushing = flushing
        .then(() => db.trainingRun.updateMany({ where: { id: run.runId, status: 'RUNNING' }, data: { metrics } }))
        .catch((error: unknown) => getLogger().warn({ err: error, runId: run.runId }, 'training: could not store progress'));
    };
    const emitTimer = setInterval(emit, EMIT_INTERVAL_MS);
    const flushTimer = setInterval(flush, FLUSH_INTERVAL_MS);

    const task = worker.pool.run({
      config,
      wallMs: run.wallMs,
      onEpoch: ({ metric, snapshot }) => {
        run.metrics.push(metric);
        if (snapshot) {
          run.snapshot = snapshot;
          run.frames.push(snapshot);
        }
      },
    });
    run.stopTask = task.stop;
    if (config.model !== 'perceptron' && config.model !== 'delta-rule') run.setKnob = task.setKnob;
    if (run.isStopRequested) task.stop();
    // A worker checks its wall time between batches; one stuck inside a batch is terminated.
    const killTimer = setTimeout(task.kill, run.wallMs + worker.hardKillGraceMs);
    const result = await task.result;
    clearTimeout(killTimer);
    clearInterval(emitTimer);
    clearInterval(flushTimer);
    run.setKnob = undefined;
    await flushing;

    if (!result.ok) {
      await finish({ worker, run, config, status: 'FAILED', error: result.error });
      return;
    }
    const { outcome } = result;
    // The outcome is authoritative (epoch messages may still be in flight on the port).
    run.metrics = outcome.metrics;
    run.snapshot = outcome.snapshot;
    // The bounded timeline; a picture taken after the last one streamed is sent now.
    const streamed = new Set(run.frames.slice(0, sentFrames).map((frame) => frame.epoch));
    run.frames = outcome.frames;
    sentFrames = 0;
    // The last picture is always sent again: it may now carry the trained weights (a CNN's draw-a-digit).
    while (sentFrames < run.frames.length - 1 && streamed.has(run.frames[sentFrames].epoch)) sentFrames++;
    run.schedules = outcome.schedules;
    emit();
    const isStopped = outcome.stopReason === 'user' || outcome.stopReason === 'time';
    await finish({ worker, run, config, status: isStopped ? 'STOPPED' : 'COMPLETED', stopReason: outcome.stopReason, finalValAcc: outcome.finalValAcc, params: outcome.params });
  } catch (error) {
    getLogger().error({ err: error, runId: run.runId }, 'training: run failed');
    await finish({ worker, run, config, status: 'FAILED', error: 'The run failed on the server. Please try again.' }).catch(() => {});
  } finally {
    worker.active.delete(run.runId);
  }
}

interface FinishOptions {
  worker: TrainingWorker;
  run: ActiveRun;
  config: TTrainingConfig;
  status: Extract<RunStatusName, 'COMPLETED' | 'STOPPED' | 'FAILED'>;
  stopReason?: StopReason;
  error?: string;
  finalValAcc?: number;
  params?: number;
}

/** Stores the outcome and tells the owner. A stopped run's `error` column holds why: 'user' or 'time'. */
async function finish({ worker, run, config, status, stopReason, error, finalValAcc, params }: FinishOptions): Promise<void> {
  const hasEpochs = run.metrics.length > 0;
  // Only the schedules with changes, so a run without any keeps its configuration as it was sent.
  const changed = Object.fromEntries(Object.entries(run.schedules).filter(([, changes]) => changes.length > 0));
  await getDb().trainingRun.update({
    where: { id: run.runId },
    data: {
      status,
      metrics: toStoredMetrics(run.metrics, run.frames),
      // Knob changes made while it trained join the stored configuration: the run replays exactly.
      ...(Object.keys(changed).length > 0 ? { config: { ...config, ...changed } } : {}),
      finalValAcc: status === 'FAILED' || !hasEpochs ? null : (finalValAcc ?? null),
      params,
      error: status === 'STOPPED' ? stopReason : (error ?? null),
      finishedAt: new Date(),
    },
  });
  worker.publishProgress(run.userId, {
    runId: run.runId,
    status,
    metrics: [],
    totalEpochs: run.totalEpochs,
    stopReason,
    error,
    finalValAcc: hasEpochs ? finalValAcc : undefined,
  });
}
