import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getLogger } from '@/lib/log';
import { sendRunCommand } from '../runtime/run-control';
import type { TrainingRuntime } from '../runtime/training-runtime';
import { publishQueuePositions } from './queue-positions';
import type { RunStatusName } from '@/engine/playground/types';

export interface StopRunOptions {
  runtime: TrainingRuntime;
  userId: string;
  runId: string;
}

/**
 * Stops the user's run: a waiting run leaves the line (STOPPED at once; its job finds it stopped
 * and ends); a training run is told to stop through run-control, wherever its worker is, and ends
 * after its current batch keeping its complete epochs. A run no live worker answers for (its
 * worker died) is STOPPED here. Stopping a finished run changes nothing, so a double click is harmless.
 */
export async function stopRun({ runtime, userId, runId }: StopRunOptions): Promise<{ status: RunStatusName; isStopping: boolean }> {
  const db = getDb();
  const row = await db.trainingRun.findFirst({ where: { id: runId, userId }, select: { status: true } });
  if (!row) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  if (row.status !== 'QUEUED' && row.status !== 'RUNNING') return { status: row.status, isStopping: false };

  const dequeued = await db.trainingRun.updateMany({ where: { id: runId, status: 'QUEUED' }, data: { status: 'STOPPED', error: 'user', finishedAt: new Date() } });
  if (dequeued.count === 1) {
    runtime.publishProgress(userId, { runId, status: 'STOPPED', metrics: [], totalEpochs: 0, stopReason: 'user' });
    void publishQueuePositions(runtime.publishProgress).catch((error: unknown) => getLogger().warn({ err: error }, 'training: could not publish queue positions'));
    return { status: 'STOPPED', isStopping: false };
  }
  // A worker has it (or just took it).
  const reply = await sendRunCommand(runId, { type: 'stop' });
  if (reply) return { status: 'RUNNING', isStopping: true };
  const ended = await db.trainingRun.updateMany({ where: { id: runId, status: 'RUNNING' }, data: { status: 'STOPPED', error: 'user', finishedAt: new Date() } });
  if (ended.count === 0) {
    // It finished while we asked: report how.
    const now = await db.trainingRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
    return { status: now.status, isStopping: false };
  }
  runtime.publishProgress(userId, { runId, status: 'STOPPED', metrics: [], totalEpochs: 0, stopReason: 'user' });
  return { status: 'STOPPED', isStopping: false };
}
