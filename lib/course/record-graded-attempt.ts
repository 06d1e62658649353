import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { stepLearnerState } from '@/lib/course/learner-model';

export interface GradedAttemptEvent {
  userId: string;
  typeId: string;
  score: number;
  correct: boolean;
  at: Date;
}

const CARD_SELECT = {
  due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, state: true, lastReview: true,
} as const;

/**
 * The course layer's one hook into grading, called inside the transaction that stores a graded
 * attempt (the caller holds the per-student, per-type lock, so this read-modify-write is safe):
 * one step of the learner model (`stepLearnerState`: mastery, and the review schedule).
 */
export async function recordGradedAttempt(tx: Prisma.TransactionClient, event: GradedAttemptEvent): Promise<void> {
  const { userId, typeId } = event;
  const key = { userId_typeId: { userId, typeId } };
  const [mastery, card] = await Promise.all([
    tx.skillMastery.findUnique({ where: key, select: { pKnown: true, attempts: true, correct: true, lastAttemptAt: true } }),
    tx.reviewCard.findUnique({ where: key, select: CARD_SELECT }),
  ]);
  const next = stepLearnerState({ mastery, card }, event);
  await tx.skillMastery.upsert({ where: key, create: { userId, typeId, ...next.mastery }, update: next.mastery });
  if (next.card === card || !next.card) return;
  await tx.reviewCard.upsert({ where: key, create: { userId, typeId, ...next.card }, update: next.card });
}
