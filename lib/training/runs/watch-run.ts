import { getDb } from '@/lib/db';
import { ZStoredTrainingConfig } from '@/engine/playground/config-schema';
import { readStoredMetrics } from './stored-run-schema';
import { queuePositionOf } from './queue-positions';
import { AppError } from '@/lib/errors';
import type { TrainingRuntime } from '../runtime/training-runtime';
import type { RunProgress } from '@/engine/playground/types';

/**
 * The whole state of one of the user's runs as a progress message: from memory when this
 * process's worker trains it (nothing streamed before a reload is missing), else from the
 * database, which a worker elsewhere refreshes every two seconds while it trains (the browser
 * asks again when a later message shows it missed epochs in between).
 */
export async function watchRun({ runtime, userId, runId }: { runtime: TrainingRuntime; userId: string; runId: string }): Promise<RunProgress> {
  const row = await getDb().trainingRun.findFirst({
    where: { id: runId, userId },
    select: { status: true, metrics: true, config: true, error: true, finalValAcc: true, createdAt: true },
  });
  if (!row) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  const config = ZStoredTrainingConfig.safeParse(row.config);
  const active = runtime.worker?.active.get(runId);
  if (active) {
    return { runId, status: 'RUNNING', metrics: [...active.metrics], snapshot: active.snapshot ?? undefined, frames: [...active.frames], totalEpochs: active.totalEpochs };
  }
  const { metrics, snapshot, frames } = readStoredMetrics(row.metrics);
  const position = row.status === 'QUEUED' ? await queuePositionOf(row.createdAt) : undefined;
  return {
    runId,
    status: row.status,
    position: position && position > 0 ? position : undefined,
    metrics,
    snapshot: snapshot ?? undefined,
    frames,
    totalEpochs: config.success ? config.data.epochs : metrics.length,
    stopReason: row.status === 'STOPPED' && (row.error === 'user' || row.error === 'time') ? row.error : undefined,
    error: row.status === 'FAILED' ? (row.error ?? undefined) : undefined,
    finalValAcc: row.finalValAcc ?? undefined,
  };
}
