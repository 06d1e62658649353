import { AppError } from '@/lib/errors';
import type { TrainingRuntime } from '../runtime/training-runtime';

export interface SetRunLrOptions {
  runtime: TrainingRuntime;
  userId: string;
  runId: string;
  lr: number;
}

/**
 * Changes the learning rate of the user's run while it trains. The worker applies it from its
 * next epoch, records the epoch in the curve (each epoch's `lr`) and in the outcome's lrChanges,
 * which join the stored configuration as `lrSchedule`, so the run replays exactly.
 */
export async function setRunLr({ runtime, userId, runId, lr }: SetRunLrOptions): Promise<{ lr: number; fromEpoch: number }> {
  const run = runtime.active.get(runId);
  if (!run || run.userId !== userId) throw new AppError('NOT_FOUND', { ko: '학습 중인 실행을 찾을 수 없습니다.', en: 'No run of yours is training with that id.' });
  if (!run.setLr) throw new AppError('CONFLICT', { ko: '이 실행은 학습률을 바꿀 수 없습니다 (대기 중이거나 퍼셉트론 규칙입니다).', en: 'This run cannot change its learning rate (it is still queued, or a perceptron rule).' }, { reason: 'lr-not-adjustable' });
  run.setLr(lr);
  return { lr, fromEpoch: (run.metrics.at(-1)?.epoch ?? 0) + 1 };
}
