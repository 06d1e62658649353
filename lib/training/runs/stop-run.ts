import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TrainingRuntime } from '../runtime/training-runtime';
import type { RunStatusName } from '@/engine/playground/types';

export interface StopRunOptions {
  runtime: TrainingRuntime;
  userId: string;
  runId: string;
}

/**
 * Stops the user's run: a waiting run leaves the queue (STOPPED at once); a training run ends
 * after its current batch and keeps its complete epochs. Stopping a finished run changes nothing,
 * so a double click is harmless.
 */
export async function stopRun({ runtime, userId, runId }: StopRunOptions): Promise<{ status: RunStatusName; isStopping: boolean }> {
  const db = getDb();
  const row = await db.trainingRun.findFirst({ where: { id: runId, userId }, select: { status: true } });
  if (!row) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  if (row.status !== 'QUEUED' && row.status !== 'RUNNING') return { status: row.status, isStopping: false };

  const cancelled = runtime.queue.cancel(runId);
  if (cancelled === 'stopping') return { status: 'RUNNING', isStopping: true };
  // Dequeued, or a run this process does not know (its server restarted): it ends here.
  runtime.active.delete(runId);
  await db.trainingRun.updateMany({
    where: { id: runId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'STOPPED', error: 'user', finishedAt: new Date() },
  });
  runtime.publishProgress(userId, { runId, status: 'STOPPED', metrics: [], totalEpochs: 0, stopReason: 'user' });
  return { status: 'STOPPED', isStopping: false };
}
