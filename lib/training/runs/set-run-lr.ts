import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { sendRunCommand } from '../runtime/run-control';

export interface SetRunLrOptions {
  userId: string;
  runId: string;
  lr: number;
}

const notTraining = () => new AppError('NOT_FOUND', { ko: '학습 중인 실행을 찾을 수 없습니다.', en: 'No run of yours is training with that id.' });
const notAdjustable = () =>
  new AppError('CONFLICT', { ko: '이 실행은 학습률을 바꿀 수 없습니다 (대기 중이거나 퍼셉트론 규칙입니다).', en: 'This run cannot change its learning rate (it is still queued, or a perceptron rule).' }, { reason: 'lr-not-adjustable' });

/**
 * Changes the learning rate of the user's run while it trains, on whichever worker holds it
 * (run-control.ts). The worker applies it from its next epoch, records the epoch in the curve
 * (each epoch's `lr`) and in the outcome's lrChanges, which join the stored configuration as
 * `lrSchedule`, so the run replays exactly.
 */
export async function setRunLr({ userId, runId, lr }: SetRunLrOptions): Promise<{ lr: number; fromEpoch: number }> {
  const row = await getDb().trainingRun.findFirst({ where: { id: runId, userId }, select: { status: true, model: true } });
  if (!row || (row.status !== 'QUEUED' && row.status !== 'RUNNING')) throw notTraining();
  if (row.status === 'QUEUED' || row.model === 'perceptron' || row.model === 'delta-rule') throw notAdjustable();
  const reply = await sendRunCommand(runId, { type: 'set-lr', lr });
  if (!reply) throw notTraining();
  if (reply.type !== 'lr-set') throw notAdjustable();
  return { lr, fromEpoch: reply.fromEpoch };
}
