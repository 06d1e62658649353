import 'server-only';
import { getDb } from '@/lib/db';
import { getLogger } from '@/lib/log';
import { recordGradedAttempt, type GradedAttemptEvent } from '@/lib/course/record-graded-attempt';

export interface LiveAnswerEvent extends Omit<GradedAttemptEvent, 'userId'> {
  /** The participant's account; null for a guest, whose answers update no learner model. */
  userId: string | null;
}

/**
 * Folds one stored live answer into the student's learner model (mastery and review schedule),
 * exactly like a homework or exam attempt: under the same per-(student, type) advisory lock, so
 * it serialises with those submits. Called once per answer that was newly stored (a duplicate
 * stores nothing and updates nothing). The answer itself is already on record and stands: if this
 * update fails, it is logged rather than turned into an error for the player, and
 * `npm run db:backfill-mastery` rebuilds the model from all graded work.
 */
export async function recordLiveAnswer(event: LiveAnswerEvent): Promise<void> {
  const { userId } = event;
  if (!userId) return;
  try {
    await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${userId}), hashtext(${event.typeId}))`;
      await recordGradedAttempt(tx, { ...event, userId });
    }, { maxWait: 15_000, timeout: 15_000 });
  } catch (error) {
    getLogger().error({ err: error, userId, typeId: event.typeId }, 'live answer stored, but the learner model update failed');
  }
}
