import { getDb } from '@/lib/db';
import { getLogger } from '@/lib/log';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { RECHECK_FAILED } from './get-challenge-leaderboard';
import { TRAINING_SERVER_EVENTS } from '../training-events';
import type { TrainingWorker } from '../runtime/training-job-worker';

export interface RecheckEntryOptions {
  worker: TrainingWorker;
  entryId: string;
  config: TTrainingConfig;
  /** Epochs the run completed: the re-check replays exactly these. */
  epochs: number;
  /** The replay's wall time (recheckWallMs). */
  wallMs: number;
  /** What the run reported, for the log when the replay disagrees. */
  finalValAcc: number;
}

/** A re-check may take three times the challenge's budget (the machine may be busier than when the run trained). */
export function recheckWallMs(maxSeconds: number, serverWallMs: number): number {
  return Math.max(3 * maxSeconds * 1000, serverWallMs);
}

/**
 * Retrains an entered run from its configuration and seed for the epochs it completed and stores
 * the validation accuracy the server computed, within `wallMs` (recheckWallMs); a replay that
 * still cannot finish scores RECHECK_FAILED. Runs in a training worker (a `recheck` job).
 */

export async function recheckEntry({ worker, entryId, config, epochs, wallMs, finalValAcc }: RecheckEntryOptions): Promise<void> {
  let score = RECHECK_FAILED;
  try {
    const task = worker.pool.run({ config, epochLimit: epochs, wallMs, onEpoch: () => {} });
    const result = await task.result;
    if (result.ok && result.outcome.metrics.length === epochs) score = result.outcome.finalValAcc;
    if (score !== finalValAcc) getLogger().warn({ entryId, claimed: finalValAcc, rechecked: score }, 'training: re-check disagrees with the stored run');
  } catch (error) {
    getLogger().error({ err: error, entryId }, 'training: re-check failed');
  }
  const entry = await getDb().challengeEntry.update({ where: { id: entryId }, data: { recheckedScore: score }, select: { challengeId: true } });
  worker.publisher.toChallenge(entry.challengeId, TRAINING_SERVER_EVENTS.leaderboard, { challengeId: entry.challengeId });
}
