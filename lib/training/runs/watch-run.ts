import { getDb } from '@/lib/db';
import { ZStoredTrainingConfig } from '@/engine/playground/config-schema';
import { readStoredMetrics } from './stored-run-schema';
import { AppError } from '@/lib/errors';
import type { TrainingRuntime } from '../runtime/training-runtime';
import type { RunProgress } from '@/engine/playground/types';

/**
 * The whole state of one of the user's runs as a progress message: from memory while this process
 * trains it (so nothing streamed before a reload is missing), else from the database.
 */
export async function watchRun({ runtime, userId, runId }: { runtime: TrainingRuntime; userId: string; runId: string }): Promise<RunProgress> {
  const row = await getDb().trainingRun.findFirst({
    where: { id: runId, userId },
    select: { status: true, metrics: true, config: true, error: true, finalValAcc: true },
  });
  if (!row) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  const active = runtime.active.get(runId);
  if (active) {
    const position = runtime.queue.positionOf(runId) ?? undefined;
    return {
      runId,
      status: active.status,
      position: position && position > 0 ? position : undefined,
      metrics: [...active.metrics],
      snapshot: active.snapshot ?? undefined,
      frames: [...active.frames],
      totalEpochs: active.totalEpochs,
    };
  }
  const { metrics, snapshot, frames } = readStoredMetrics(row.metrics);
  const config = ZStoredTrainingConfig.safeParse(row.config);
  return {
    runId,
    status: row.status,
    metrics,
    snapshot: snapshot ?? undefined,
    frames,
    totalEpochs: config.success ? config.data.epochs : metrics.length,
    stopReason: row.status === 'STOPPED' && (row.error === 'user' || row.error === 'time') ? row.error : undefined,
    error: row.status === 'FAILED' ? (row.error ?? undefined) : undefined,
    finalValAcc: row.finalValAcc ?? undefined,
  };
}
