import { getDb } from '@/lib/db';

/**
 * A run the user may open, compare and fork: their own, or one entered in a challenge of a class
 * they belong to (so a student can learn from the leaderboard). Null otherwise.
 */
export async function findVisibleRunId(userId: string, runId: string): Promise<string | null> {
  const run = await getDb().trainingRun.findFirst({
    where: {
      id: runId,
      OR: [{ userId }, { entries: { some: { challenge: { class: { memberships: { some: { userId } } } } } } }],
    },
    select: { id: true },
  });
  return run?.id ?? null;
}
