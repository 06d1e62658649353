import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import { EMPTY_LEARNER_STATE, stepLearnerState, type LearnerState } from '@/lib/course/learner-model';

export interface RebuildSummary {
  students: number;
  skills: number;
  attempts: number;
}

interface GradedWork {
  typeId: string;
  score: number;
  correct: boolean;
  at: Date;
}

// Every graded attempt of a student, from the three places graded work is stored: homework
// (Attempt), exams (ExamAttempt) and live play (LiveAnswer of a signed-in participant). Ordered
// as the live path saw them: by time (homework attempts of one skill get strictly increasing times
// under the lock), then by source and id for a deterministic order of exact ties.
const gradedWorkOf = (userId: string) => Prisma.sql`
  SELECT "typeId", score, correct, "createdAt" AS at, 0 AS source, id FROM "Attempt" WHERE "userId" = ${userId}
  UNION ALL
  SELECT a."typeId", a.score, a.correct, a."createdAt", 1, a.id
    FROM "ExamAttempt" a JOIN "ExamSession" s ON s.id = a."sessionId" WHERE s."userId" = ${userId}
  UNION ALL
  SELECT q."typeId", l.score, l.correct, l."createdAt", 2, l.id
    FROM "LiveAnswer" l JOIN "LiveParticipant" p ON p.id = l."participantId" JOIN "LiveQuestion" q ON q.id = l."questionId"
   WHERE p."userId" = ${userId}`;

/**
 * Rebuilds the learner model (SkillMastery and ReviewCard rows) of each student from all their
 * graded work on record, by folding `stepLearnerState` — the rule the live path applies one
 * attempt at a time — over it in order. Folds in attempts made before mastery existed and rows
 * that are missing; running it again changes nothing (idempotent). Per student, one transaction
 * holding the per-(student, type) advisory locks of the submit paths, so a submit waits and then
 * steps the rebuilt state. Pairs without any graded work on record are left as they are (e.g. the
 * mastery an exam earned before the instructor deleted it).
 */
export async function rebuildLearnerModel({ userIds }: { userIds?: string[] } = {}): Promise<RebuildSummary> {
  const db = getDb();
  const students = userIds ?? (await db.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Attempt"
    UNION SELECT s."userId" FROM "ExamAttempt" a JOIN "ExamSession" s ON s.id = a."sessionId"
    UNION SELECT p."userId" FROM "LiveAnswer" l JOIN "LiveParticipant" p ON p.id = l."participantId" WHERE p."userId" IS NOT NULL
    ORDER BY 1`).map((row) => row.userId);
  const summary: RebuildSummary = { students: 0, skills: 0, attempts: 0 };
  for (const userId of students) {
    const counted = await db.$transaction((tx) => rebuildStudent(tx, userId), { maxWait: 30_000, timeout: 120_000 });
    summary.students += 1;
    summary.skills += counted.skills;
    summary.attempts += counted.attempts;
  }
  return summary;
}

async function rebuildStudent(tx: Prisma.TransactionClient, userId: string): Promise<{ skills: number; attempts: number }> {
  const typeRows = await tx.$queryRaw<{ typeId: string }[]>`SELECT DISTINCT "typeId" FROM (${gradedWorkOf(userId)}) work ORDER BY 1`;
  const typeIds = typeRows.map((row) => row.typeId);
  if (typeIds.length === 0) return { skills: 0, attempts: 0 };
  // The submit paths' locks, always taken in the same (sorted) order; a submitter holds only one.
  for (const typeId of typeIds) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${userId}), hashtext(${typeId}))`;
  const work = await tx.$queryRaw<GradedWork[]>`
    SELECT "typeId", score, correct, at FROM (${gradedWorkOf(userId)}) work
     WHERE "typeId" = ANY(${typeIds}) ORDER BY at, source, id`;

  const states = new Map<string, LearnerState>();
  for (const attempt of work) states.set(attempt.typeId, stepLearnerState(states.get(attempt.typeId) ?? EMPTY_LEARNER_STATE, attempt));

  await tx.skillMastery.deleteMany({ where: { userId, typeId: { in: typeIds } } });
  await tx.reviewCard.deleteMany({ where: { userId, typeId: { in: typeIds } } });
  const entries = [...states.entries()];
  await tx.skillMastery.createMany({ data: entries.flatMap(([typeId, state]) => (state.mastery ? [{ userId, typeId, ...state.mastery }] : [])) });
  await tx.reviewCard.createMany({ data: entries.flatMap(([typeId, state]) => (state.card ? [{ userId, typeId, ...state.card }] : [])) });
  return { skills: states.size, attempts: work.length };
}
