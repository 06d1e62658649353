import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';

/**
 * At start-up: runs left QUEUED or RUNNING by a previous process can never finish, so they are
 * marked FAILED. With several processes (REDIS_URL set) another one may be training a run right
 * now, so only runs older than any run can live are touched.
 */
export async function failOrphanedRuns(): Promise<number> {
  const isMultiProcess = Boolean(getConfig().REDIS_URL);
  const result = await getDb().trainingRun.updateMany({
    where: { status: { in: ['QUEUED', 'RUNNING'] }, ...(isMultiProcess ? { createdAt: { lt: new Date(Date.now() - 30 * 60 * 1000) } } : {}) },
    data: { status: 'FAILED', error: 'The server restarted before this run finished. Start it again.', finishedAt: new Date() },
  });
  return result.count;
}
