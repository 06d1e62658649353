import { getDb } from '@/lib/db';
import type { RunProgress } from '@/engine/playground/types';

export const ORPHANED_RUN_MESSAGE = 'The training worker stopped before this run finished. Start it again.';

/**
 * No run stays QUEUED or RUNNING forever: a run whose training job has ended (failed, cancelled,
 * completed without storing an outcome) or never existed can no longer finish, so it is marked
 * FAILED with a message its owner sees. A run's job id is md5(run id) as a uuid (training-jobs.ts);
 * a run younger than a minute may still be between its insert and its send. Every worker runs
 * this periodically; it is one idempotent statement. (Timestamps are UTC without a zone, as Prisma stores them.)
 */
export async function failOrphanedRuns(): Promise<{ userId: string; progress: RunProgress }[]> {
  const rows = await getDb().$queryRaw<{ id: string; userId: string }[]>`
    UPDATE "TrainingRun" r
    SET status = 'FAILED', error = ${ORPHANED_RUN_MESSAGE}, "finishedAt" = timezone('UTC', now())
    WHERE r.status IN ('QUEUED', 'RUNNING')
      AND r."createdAt" < timezone('UTC', now()) - interval '1 minute'
      AND NOT EXISTS (
        SELECT 1 FROM pgboss.job j
        WHERE j.id = md5(r.id)::uuid AND j.state IN ('created', 'retry', 'active')
      )
    RETURNING r.id, r."userId"`;
  return rows.map(({ id, userId }) => ({ userId, progress: { runId: id, status: 'FAILED', metrics: [], totalEpochs: 0, error: ORPHANED_RUN_MESSAGE } }));
}
