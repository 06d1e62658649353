import { getDb } from '@/lib/db';
import { createRateLimiter } from '@/lib/rate-limit';
import { countParameters } from '@/engine/playground/count-parameters';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { findVisibleRun } from './find-visible-run';
import { assertConfigFitsChallenge, getChallengeRules } from '../challenges/get-challenge-rules';
import { parseTrainingConfig } from './parse-training-config';
import { AppError } from '@/lib/errors';
import { sendTrainingRun } from '../runtime/training-jobs';
import type { TrainingRuntime } from '../runtime/training-runtime';
import { queuePositionOf } from './queue-positions';

// Twenty starts a minute: a student exploring knobs never meets it; a script does.
const startLimiter = createRateLimiter({ name: 'training-start', points: 20, durationSeconds: 60 });

export interface StartRunOptions {
  runtime: TrainingRuntime;
  userId: string;
  config: unknown;
  forkedFromId?: string;
  /** Train for this challenge: the user must be in its class, the model and data must fit it, and its time budget is the wall time. */
  challengeId?: string;
}

export interface StartedRun {
  runId: string;
  /** 0: training now; n: n-th in the waiting line. */
  position: number;
  params: number;
  totalEpochs: number;
}

/**
 * Validates the configuration against every limit, stores the run (QUEUED) and sends its job to
 * the training queue, where any worker may take it. The per-user waiting limit and the length of
 * the line are counted in the database, so they hold across every web process.
 */
export async function startRun({ runtime, userId, config: input, forkedFromId, challengeId }: StartRunOptions): Promise<StartedRun> {
  const config = parseTrainingConfig(input);
  await startLimiter.consume(userId);
  await assertCanQueue(userId);
  let wallMs = runtime.wallMs;
  if (challengeId) {
    const rules = await getChallengeRules({ userId, challengeId });
    assertConfigFitsChallenge(rules, config);
    wallMs = Math.min(wallMs, rules.maxSeconds * 1000);
  }
  if (forkedFromId && !(await findVisibleRun(userId, forkedFromId))) {
    throw new AppError('NOT_FOUND', { ko: '복제하려는 실행을 찾을 수 없습니다.', en: 'The run you are forking was not found.' });
  }
  const params = countParameters(config);
  const db = getDb();
  const row = await db.trainingRun.create({
    data: { userId, model: config.model, task: config.task, config, seed: config.seed, params, forkedFromId: forkedFromId ?? null },
    select: { id: true, createdAt: true },
  });
  try {
    await runtime.ready;
    await sendTrainingRun({ queueName: runtime.queueName, runId: row.id, wallMs });
  } catch (error) {
    // The queue could not take it: leave no half-made run.
    await db.trainingRun.delete({ where: { id: row.id } }).catch(() => {});
    throw error;
  }
  runtime.worker?.wake();
  // A worker may have taken it (and even finished a tiny run) already: then it is not waiting, and a
  // late QUEUED message must not overwrite what the owner has heard since.
  const waitingPlace = await queuePositionOf(row.createdAt);
  const { status } = await db.trainingRun.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } });
  const position = status === 'QUEUED' ? waitingPlace : 0;
  if (position > 0) runtime.publishProgress(userId, { runId: row.id, status: 'QUEUED', position, metrics: [], totalEpochs: config.epochs });
  return { runId: row.id, position, params, totalEpochs: config.epochs };
}

/** Throws the message a user should see when one more waiting run would break a limit. */
async function assertCanQueue(userId: string): Promise<void> {
  const db = getDb();
  const [queuedByUser, waiting] = await Promise.all([db.trainingRun.count({ where: { userId, status: 'QUEUED' } }), db.trainingRun.count({ where: { status: 'QUEUED' } })]);
  const limit = TRAINING_LIMITS.maxQueuedPerUser;
  if (queuedByUser >= limit) {
    throw new AppError(
      'RATE_LIMITED',
      {
        ko: `이미 ${queuedByUser}개의 실행이 대기 중입니다(최대 ${limit}개). 하나를 멈추거나 시작될 때까지 기다리세요.`,
        en: `You already have ${queuedByUser} runs waiting (the limit is ${limit}). Stop one or wait for it to start.`,
      },
      { retryAfterSeconds: 10 },
    );
  }
  if (waiting >= TRAINING_LIMITS.maxQueueLength) {
    throw new AppError(
      'UNAVAILABLE',
      { ko: `학습 대기열이 가득 찼습니다(${waiting}개 대기 중). 1분 뒤에 다시 시도하세요.`, en: `The training queue is full (${waiting} runs waiting). Try again in a minute.` },
      { retryAfterSeconds: 60 },
    );
  }
}
