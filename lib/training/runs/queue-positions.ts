import { getDb } from '@/lib/db';
import { ZStoredTrainingConfig } from '@/engine/playground/config-schema';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import type { RunProgress } from '@/engine/playground/types';

// The waiting line is the QUEUED rows in the order they were started, across every process: a
// run's position is its 1-based place among them (0 once a worker has taken it). Whoever moves
// the line (a worker taking a run, a stop of a waiting one) tells everyone still waiting.

/** 1-based place in the waiting line of a QUEUED run created at `createdAt`. */
export async function queuePositionOf(createdAt: Date): Promise<number> {
  return getDb().trainingRun.count({ where: { status: 'QUEUED', createdAt: { lte: createdAt } } });
}

/** Sends every waiting run its current place (the line is at most maxQueueLength long). */
export async function publishQueuePositions(publish: (userId: string, progress: RunProgress) => void): Promise<void> {
  const waiting = await getDb().trainingRun.findMany({
    where: { status: 'QUEUED' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: TRAINING_LIMITS.maxQueueLength,
    select: { id: true, userId: true, config: true },
  });
  waiting.forEach((run, index) => {
    const config = ZStoredTrainingConfig.safeParse(run.config);
    publish(run.userId, { runId: run.id, status: 'QUEUED', position: index + 1, metrics: [], totalEpochs: config.success ? config.data.epochs : 0 });
  });
}
