import { getDb } from '@/lib/db';
import { MAX_ATTEMPTS_PER_VARIANT } from '@/lib/exercises/current-round';
import { getExerciseType } from '@/lib/exercises/get-exercise-type';
import type { TAttemptSummary } from '@/lib/exercises/schemas';

export interface ListAttemptsOptions {
  /** The signed-in user: a student only ever lists their own attempts. */
  userId: string;
  typeId: string;
}

/** Enough history for any real student; older attempts stay stored for the gradebook. */
export const MAX_LISTED_ATTEMPTS = 200;

/** The student's attempts on one exercise type, newest first, numbered within their round. */
export async function listAttempts({ userId, typeId }: ListAttemptsOptions): Promise<TAttemptSummary[]> {
  getExerciseType(typeId);
  const rows = await getDb().attempt.findMany({
    where: { userId, typeId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    // A few more than listed, so the oldest listed attempt still sees the earlier ones of its round.
    take: MAX_LISTED_ATTEMPTS + MAX_ATTEMPTS_PER_VARIANT - 1,
    select: { id: true, round: true, score: true, correct: true, mistake: true, createdAt: true },
  });
  const perRound = new Map<number, number>();
  const oldestFirst = [...rows].reverse().map((row) => {
    const attemptNumber = (perRound.get(row.round) ?? 0) + 1;
    perRound.set(row.round, attemptNumber);
    return { ...row, attemptNumber, createdAt: row.createdAt.toISOString() };
  });
  return oldestFirst.reverse().slice(0, MAX_LISTED_ATTEMPTS);
}
