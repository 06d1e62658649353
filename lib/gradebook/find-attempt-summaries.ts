import { getDb } from '@/lib/db';

export interface AttemptSummary {
  userId: string;
  typeId: string;
  attempts: number;
  /** Best score in [0, 1]. */
  best: number;
  isSolved: boolean;
  lastAt: Date;
}

export interface FindAttemptSummariesOptions {
  userIds: readonly string[];
  /** Only attempts from this moment on (the weekly leaderboard). */
  since?: Date;
}

/** Per student and exercise type: attempt count, best score, solved or not, last attempt. Two grouped queries. */
export async function findAttemptSummaries({ userIds, since }: FindAttemptSummariesOptions): Promise<AttemptSummary[]> {
  if (userIds.length === 0) return [];
  const where = { userId: { in: [...userIds] }, ...(since ? { createdAt: { gte: since } } : {}) };
  const db = getDb();
  const [totals, solved] = await Promise.all([
    db.attempt.groupBy({ by: ['userId', 'typeId'], where, _max: { score: true, createdAt: true }, _count: { _all: true } }),
    // PostgreSQL has no MAX(boolean): solved pairs come from a second grouping over correct attempts.
    db.attempt.groupBy({ by: ['userId', 'typeId'], where: { ...where, correct: true }, _count: { _all: true } }),
  ]);
  const solvedKeys = new Set(solved.map((row) => `${row.userId}\u0000${row.typeId}`));
  return totals.map((row) => ({
    userId: row.userId,
    typeId: row.typeId,
    attempts: row._count._all,
    best: row._max.score ?? 0,
    isSolved: solvedKeys.has(`${row.userId}\u0000${row.typeId}`),
    lastAt: row._max.createdAt ?? new Date(0),
  }));
}
