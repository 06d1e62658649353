import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { MAX_ATTEMPTS_PER_VARIANT, type RoundState } from '@/lib/exercises/current-round';

// A due review is answered on a variant the student has never been shown: the round after the
// current one. The current round's numbers may already have been on screen — the exercise page
// shows the next variant right after a right answer, and a round in progress is the last one
// seen — so the review skips it (an unfinished round is simply left; rounds are derived from the
// latest attempts). The first answer in the review round is the review (recordGradedAttempt
// reschedules the card), so the skill is no longer due and the round goes on like any other.

/** True when the student's review of this skill is due at `now`. */
export async function isReviewDue(db: Prisma.TransactionClient, { userId, typeId, now }: { userId: string; typeId: string; now: Date }): Promise<boolean> {
  const card = await db.reviewCard.findUnique({ where: { userId_typeId: { userId, typeId } }, select: { due: true } });
  return isCardDue(card, now);
}

/** True when a stored review card (or none) is due at `now`. */
export function isCardDue(card: { due: Date } | null, now: Date): boolean {
  return card !== null && card.due.getTime() <= now.getTime();
}

/** The round a due review is served and answered in: a fresh one after the current round. */
export function reviewRound(current: RoundState): RoundState {
  return { round: current.round + 1, attemptsUsed: 0, attemptsLeft: MAX_ATTEMPTS_PER_VARIANT };
}
