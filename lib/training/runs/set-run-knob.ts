import 'server-only';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { AdjustableKnob } from '@/engine/playground/config-schema';
import { sendRunCommand } from '../runtime/run-control';

export interface SetRunKnobOptions {
  userId: string;
  runId: string;
  knob: AdjustableKnob;
  value: number;
}

const notTraining = () => new AppError('NOT_FOUND', { ko: '학습 중인 실행을 찾을 수 없습니다.', en: 'No run of yours is training with that id.' });
const notAdjustable = () =>
  new AppError(
    'CONFLICT',
    { ko: '이 실행은 학습 중에 학습률이나 가중치 감쇠를 바꿀 수 없습니다 (대기 중이거나 퍼셉트론 규칙입니다).', en: 'This run cannot change its learning rate or weight decay while it trains (it is still queued, or a perceptron rule).' },
    { reason: 'knob-not-adjustable' },
  );

/**
 * Changes the learning rate or the weight decay of the user's run while it trains, on whichever
 * worker holds it (run-control.ts). The worker applies it from its next epoch, records it in the
 * curve (each epoch's `lr` and `weightDecay`) and in the outcome's schedules, which join the
 * stored configuration as `lrSchedule` / `weightDecaySchedule`, so the run replays exactly.
 */
export async function setRunKnob({ userId, runId, knob, value }: SetRunKnobOptions): Promise<{ knob: AdjustableKnob; value: number; fromEpoch: number }> {
  const row = await getDb().trainingRun.findFirst({ where: { id: runId, userId }, select: { status: true, model: true } });
  if (!row || (row.status !== 'QUEUED' && row.status !== 'RUNNING')) throw notTraining();
  if (row.status === 'QUEUED' || row.model === 'perceptron' || row.model === 'delta-rule') throw notAdjustable();
  const reply = await sendRunCommand(runId, { type: 'set-knob', knob, value });
  if (!reply) throw notTraining();
  if (reply.type !== 'knob-set') throw notAdjustable();
  return { knob, value, fromEpoch: reply.fromEpoch };
}
