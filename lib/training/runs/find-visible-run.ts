import { getDb } from '@/lib/db';

export interface VisibleRun {
  id: string;
  /** The class through which another member's run is visible (a challenge it was entered in); null for one's own run. */
  classId: string | null;
}

/**
 * A run the user may open, compare and fork: their own, or one entered in a challenge of a class
 * they belong to (so a student can learn from the leaderboard). Null otherwise.
 */
export async function findVisibleRun(userId: string, runId: string): Promise<VisibleRun | null> {
  const sharedClass = { class: { memberships: { some: { userId } } } };
  const run = await getDb().trainingRun.findFirst({
    where: { id: runId, OR: [{ userId }, { entries: { some: { challenge: sharedClass } } }] },
    select: { id: true, userId: true, entries: { where: { challenge: sharedClass }, select: { challenge: { select: { classId: true } } }, orderBy: { createdAt: 'asc' }, take: 1 } },
  });
  if (!run) return null;
  return { id: run.id, classId: run.userId === userId ? null : (run.entries[0]?.challenge.classId ?? null) };
}
