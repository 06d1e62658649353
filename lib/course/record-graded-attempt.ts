import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { DEFAULT_BKT, updateKnown } from '@/lib/course/mastery/bkt';
import { ratingFor, reviewCard } from '@/lib/course/review/review-schedule';

export interface GradedAttemptEvent {
  userId: string;
  typeId: string;
  score: number;
  correct: boolean;
  at: Date;
}

/**
 * The course layer's one hook into grading, called inside the transaction that stores a graded
 * attempt (the caller holds the per-student, per-type lock, so this read-modify-write is safe):
 * - mastery: one Bayesian knowledge-tracing step for (student, skill);
 * - review: the first right answer puts the skill in the student's review queue; once a review
 *   is due, the next graded attempt on the skill is that review and reschedules it.
 */
export async function recordGradedAttempt(tx: Prisma.TransactionClient, event: GradedAttemptEvent): Promise<void> {
  const { userId, typeId, correct, at } = event;
  const key = { userId_typeId: { userId, typeId } };
  const [mastery, card] = await Promise.all([
    tx.skillMastery.findUnique({ where: key, select: { pKnown: true } }),
    tx.reviewCard.findUnique({ where: key }),
  ]);
  const pKnown = updateKnown(mastery?.pKnown ?? DEFAULT_BKT.pInit, correct);
  await tx.skillMastery.upsert({
    where: key,
    create: { userId, typeId, pKnown, attempts: 1, correct: correct ? 1 : 0, lastAttemptAt: at },
    update: { pKnown, attempts: { increment: 1 }, correct: { increment: correct ? 1 : 0 }, lastAttemptAt: at },
  });

  const isReview = card ? card.due.getTime() <= at.getTime() : correct;
  if (!isReview) return;
  const next = reviewCard(card, ratingFor(event), at);
  await tx.reviewCard.upsert({ where: key, create: { userId, typeId, ...next }, update: next });
}
