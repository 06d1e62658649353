import { getDb } from '@/lib/db';
import { createRateLimiter } from '@/lib/rate-limit';
import { countParameters } from '@/engine/playground/count-parameters';
import { executeRun } from './execute-run';
import { findVisibleRun } from './find-visible-run';
import { assertConfigFitsChallenge, getChallengeRules } from '../challenges/get-challenge-rules';
import { parseTrainingConfig } from './parse-training-config';
import { AppError } from '@/lib/errors';
import type { ActiveRun, TrainingRuntime } from '../runtime/training-runtime';

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

/** Validates the configuration against every limit, stores the run (QUEUED) and queues it. */
export async function startRun({ runtime, userId, config: input, forkedFromId, challengeId }: StartRunOptions): Promise<StartedRun> {
  const config = parseTrainingConfig(input);
  await startLimiter.consume(userId);
  runtime.queue.assertCanEnqueue(userId);
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
  const row = await getDb().trainingRun.create({
    data: { userId, model: config.model, task: config.task, config, seed: config.seed, params, forkedFromId: forkedFromId ?? null },
    select: { id: true },
  });
  const run: ActiveRun = { runId: row.id, userId, totalEpochs: config.epochs, wallMs, status: 'QUEUED', metrics: [], snapshot: null, frames: [], lrChanges: [], isStopRequested: false };
  runtime.active.set(run.runId, run);
  let position: number;
  try {
    position = runtime.queue.enqueue({
      id: run.runId,
      owner: userId,
      start: () => executeRun({ runtime, run, config }),
      stop: () => {
        run.isStopRequested = true;
        run.stopTask?.();
      },
    });
  } catch (error) {
    // Another start of the same user filled the line in the meantime: leave no half-made run.
    runtime.active.delete(run.runId);
    await getDb().trainingRun.delete({ where: { id: run.runId } });
    throw error;
  }
  if (position > 0) runtime.publishProgress(userId, { runId: run.runId, status: 'QUEUED', position, metrics: [], totalEpochs: run.totalEpochs });
  return { runId: run.runId, position, params, totalEpochs: config.epochs };
}
