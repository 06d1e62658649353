import { getDb } from '@/lib/db';
import { TRAINING_LIMITS } from '@/engine/playground/limits';

/** Marks a RUNNING row whose worker was lost and that was restarted once (the error column is free while it runs). */
const RESTARTED_MARK = 'restarted-after-worker-loss';

export const LOST_TWICE_MESSAGE = 'The training worker stopped twice while training this run. Start it again.';

export type ClaimResult =
  | { kind: 'claimed'; userId: string; config: unknown; isRestart: boolean }
  /** Stopped, finished or deleted meanwhile: nothing to train. */
  | { kind: 'gone' }
  /** Its owner already has as many runs training as allowed: it waits its turn. */
  | { kind: 'owner-busy' }
  /** Its worker was lost for the second time: the run is now FAILED. */
  | { kind: 'failed'; userId: string };

/**
 * A worker takes a run for training: QUEUED → RUNNING unless its owner is at the per-user limit
 * (checked under an advisory lock on the owner, so two workers cannot both start one user's runs).
 * A run found RUNNING was held by a worker that died (its job expired and came back): it restarts
 * from its start once, which gives the same epochs bit for bit (runs are seeded); a second loss
 * fails it with a message the student sees.
 */
export async function claimRun(runId: string): Promise<ClaimResult> {
  return getDb().$transaction(async (tx) => {
    const peek = await tx.trainingRun.findUnique({ where: { id: runId }, select: { userId: true } });
    if (!peek) return { kind: 'gone' };
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`training-user:${peek.userId}`}))`;
    const row = await tx.trainingRun.findUnique({ where: { id: runId }, select: { userId: true, status: true, config: true, error: true } });
    if (!row || (row.status !== 'QUEUED' && row.status !== 'RUNNING')) return { kind: 'gone' };
    if (row.status === 'RUNNING') {
      if (row.error === RESTARTED_MARK) {
        await tx.trainingRun.update({ where: { id: runId }, data: { status: 'FAILED', error: LOST_TWICE_MESSAGE, finishedAt: new Date() } });
        return { kind: 'failed', userId: row.userId };
      }
      await tx.trainingRun.update({ where: { id: runId }, data: { error: RESTARTED_MARK, metrics: [] } });
      return { kind: 'claimed', userId: row.userId, config: row.config, isRestart: true };
    }
    const running = await tx.trainingRun.count({ where: { userId: row.userId, status: 'RUNNING' } });
    if (running >= TRAINING_LIMITS.maxRunningPerUser) return { kind: 'owner-busy' };
    await tx.trainingRun.update({ where: { id: runId }, data: { status: 'RUNNING' } });
    return { kind: 'claimed', userId: row.userId, config: row.config, isRestart: false };
  });
}
