import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { stepLearnerState, type LearnerState } from '@/lib/course/learner-model';

export interface GradedAttemptEvent {
  userId: string;
  typeId: string;
  score: number;
  correct: boolean;
  at: Date;
}

interface LearnerStateRow {
  hasMastery: boolean;
  pKnown: number | null;
  attempts: number | null;
  correct: number | null;
  lastAttemptAt: Date | null;
  hasCard: boolean;
  due: Date | null;
  stability: number | null;
  difficulty: number | null;
  elapsedDays: number | null;
  scheduledDays: number | null;
  learningSteps: number | null;
  reps: number | null;
  lapses: number | null;
  state: number | null;
  lastReview: Date | null;
}

/**
 * One (student, skill)'s learner model as stored — mastery and review card, either of which may not
 * exist yet — in one round trip. Read it under the per-(student, type) advisory lock when the result
 * feeds recordGradedAttempt.
 */
export async function readLearnerState(tx: Prisma.TransactionClient, { userId, typeId }: { userId: string; typeId: string }): Promise<LearnerState> {
  const [row] = await tx.$queryRaw<LearnerStateRow[]>`
    SELECT m."userId" IS NOT NULL AS "hasMastery", m."pKnown", m.attempts, m.correct, m."lastAttemptAt",
           c."userId" IS NOT NULL AS "hasCard", c.due, c.stability, c.difficulty, c."elapsedDays", c."scheduledDays",
           c."learningSteps", c.reps, c.lapses, c.state, c."lastReview"
      FROM (SELECT 1) AS one
      LEFT JOIN "SkillMastery" m ON m."userId" = ${userId} AND m."typeId" = ${typeId}
      LEFT JOIN "ReviewCard" c ON c."userId" = ${userId} AND c."typeId" = ${typeId}`;
  return {
    mastery: row.hasMastery ? { pKnown: row.pKnown!, attempts: row.attempts!, correct: row.correct!, lastAttemptAt: row.lastAttemptAt! } : null,
    card: row.hasCard
      ? {
          due: row.due!,
          stability: row.stability!,
          difficulty: row.difficulty!,
          elapsedDays: row.elapsedDays!,
          scheduledDays: row.scheduledDays!,
          learningSteps: row.learningSteps!,
          reps: row.reps!,
          lapses: row.lapses!,
          state: row.state!,
          lastReview: row.lastReview,
        }
      : null,
  };
}

/**
 * The course layer's one hook into grading, called inside the transaction that stores a graded
 * attempt (the caller holds the per-student, per-type lock, so this read-modify-write is safe):
 * one step of the learner model (`stepLearnerState`: mastery, and the review schedule). A caller
 * that has already read the state under that lock (readLearnerState) passes it, saving the read.
 */
export async function recordGradedAttempt(tx: Prisma.TransactionClient, event: GradedAttemptEvent, stored?: LearnerState): Promise<void> {
  const { userId, typeId } = event;
  const key = { userId_typeId: { userId, typeId } };
  const state = stored ?? (await readLearnerState(tx, event));
  const next = stepLearnerState(state, event);
  await tx.skillMastery.upsert({ where: key, create: { userId, typeId, ...next.mastery }, update: next.mastery });
  if (next.card === state.card || !next.card) return;
  await tx.reviewCard.upsert({ where: key, create: { userId, typeId, ...next.card }, update: next.card });
}
