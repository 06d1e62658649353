import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';

export interface AttemptSummary {
  userId: string;
  typeId: string;
  attempts: number;
  /** Best score in [0, 1]. */
  best: number;
  isSolved: boolean;
  lastAt: Date;
  /** Sum of the scores (per-type means without another pass over the attempts). */
  scoreSum: number;
}

export interface FindAttemptSummariesOptions {
  userIds: readonly string[];
  /** Only attempts from this moment on (the weekly leaderboard). */
  since?: Date;
}

/**
 * Per student and exercise type: attempt count, best score, solved or not, last attempt, score sum.
 * One grouped pass, served by the (userId, typeId, round, createdAt, score, correct) index without
 * touching the wide attempt rows (answers, parts).
 */
export async function findAttemptSummaries({ userIds, since }: FindAttemptSummariesOptions): Promise<AttemptSummary[]> {
  if (userIds.length === 0) return [];
  return getDb().$queryRaw<AttemptSummary[]>`
    SELECT "userId", "typeId",
           COUNT(*)::int AS attempts,
           MAX(score)::float8 AS best,
           BOOL_OR(correct) AS "isSolved",
           MAX("createdAt") AS "lastAt",
           SUM(score)::float8 AS "scoreSum"
      FROM "Attempt"
     WHERE "userId" = ANY(${[...userIds]}) ${since ? Prisma.sql`AND "createdAt" >= ${since}` : Prisma.empty}
     GROUP BY "userId", "typeId"`;
}
