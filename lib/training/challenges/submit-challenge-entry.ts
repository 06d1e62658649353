import { isUniqueViolation } from '@/lib/errors';
import { getDb } from '@/lib/db';
import { ZStoredTrainingConfig } from '@/engine/playground/config-schema';
import { assertConfigFitsChallenge, getChallengeRules } from './get-challenge-rules';
import { readStoredMetrics } from '../runs/stored-run-schema';
import { AppError } from '@/lib/errors';
import { TRAINING_SERVER_EVENTS } from '../training-events';
import { recheckWallMs } from './recheck-entry';
import { sendRecheck } from '../runtime/training-jobs';
import type { TrainingRuntime } from '../runtime/training-runtime';

/** Entries one student may make in one challenge (each costs a server-side re-check). */
export const MAX_ENTRIES_PER_STUDENT = 5;
/** A run's last epoch may end up to this much after the time budget (the clock is read between batches). */
const TIME_GRACE_MS = 1_000;

export interface SubmitChallengeEntryOptions {
  runtime: TrainingRuntime;
  userId: string;
  challengeId: string;
  runId: string;
}

/**
 * Enters one of the user's finished runs in a challenge of their class, after checking it against
 * the challenge's rules, then queues the re-check: the server retrains the run from its stored
 * configuration and seed and ranks the result it computed itself.
 */
export async function submitChallengeEntry({ runtime, userId, challengeId, runId }: SubmitChallengeEntryOptions): Promise<{ entryId: string; position: number }> {
  const db = getDb();
  const challenge = await getChallengeRules({ userId, challengeId });
  const run = await db.trainingRun.findFirst({ where: { id: runId, userId }, select: { id: true, status: true, config: true, metrics: true } });
  if (!run) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  const { metrics } = readStoredMetrics(run.metrics);
  const config = ZStoredTrainingConfig.safeParse(run.config);
  if ((run.status !== 'COMPLETED' && run.status !== 'STOPPED') || metrics.length === 0 || !config.success) {
    throw new AppError('UNPROCESSABLE', { ko: '학습이 끝난 실행만 제출할 수 있습니다.', en: 'Only a run that has finished training can be entered.' });
  }
  assertConfigFitsChallenge(challenge, config.data);
  const trainSeconds = metrics[metrics.length - 1].ms / 1000;
  if (trainSeconds * 1000 > challenge.maxSeconds * 1000 + TIME_GRACE_MS) {
    throw new AppError('UNPROCESSABLE', {
      ko: `학습에 ${trainSeconds.toFixed(1)}초가 걸렸습니다. 이 챌린지의 한도는 ${challenge.maxSeconds}초입니다.`,
      en: `The run trained for ${trainSeconds.toFixed(1)} s; this challenge allows ${challenge.maxSeconds} s.`,
    });
  }
  const entryCount = await db.challengeEntry.count({ where: { challengeId, userId } });
  if (entryCount >= MAX_ENTRIES_PER_STUDENT) {
    throw new AppError('RATE_LIMITED', { ko: `한 챌린지에 최대 ${MAX_ENTRIES_PER_STUDENT}번 제출할 수 있습니다.`, en: `You can enter a challenge at most ${MAX_ENTRIES_PER_STUDENT} times.` });
  }

  let entryId: string;
  try {
    entryId = (await db.challengeEntry.create({ data: { challengeId, runId, userId }, select: { id: true } })).id;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', { ko: '이 실행은 이미 제출되었습니다.', en: 'This run has already been entered.' });
    }
    throw error;
  }
  try {
    await runtime.ready;
    await sendRecheck(runtime.queueName, {
      kind: 'recheck',
      entryId,
      config: config.data,
      epochs: metrics.length,
      wallMs: recheckWallMs(challenge.maxSeconds, runtime.wallMs),
      finalValAcc: metrics[metrics.length - 1].valAcc,
    });
  } catch (error) {
    // The queue could not take it: take the entry back so the student can simply try again.
    await db.challengeEntry.delete({ where: { id: entryId } });
    throw error;
  }
  runtime.worker?.wake();
  // Re-checks wait in the same line as runs: the entry's place is the number of runs ahead of it.
  const position = await db.trainingRun.count({ where: { status: 'QUEUED' } });
  runtime.publisher.toChallenge(challengeId, TRAINING_SERVER_EVENTS.leaderboard, { challengeId });
  return { entryId, position };
}
