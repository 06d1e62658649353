import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import type { TPredictTraining } from '@/lib/live/protocol/live-payloads';
import { computePoints } from '@/lib/live/state/compute-points';

export interface ScorePredictionsOptions {
  questionId: string;
  /** The decided (or failed) training, stored with the question; its `outcome` is the right choice. */
  training: TPredictTraining;
}

/**
 * Stores a prediction question's outcome and scores its predictions, once (the first caller
 * wins: the UPDATE … WHERE predictOutcome IS NULL decides, so two processes cannot score twice).
 * A right prediction is a fully correct answer: the session's points per question and streak
 * bonus, without the speed rule (a prediction is about thinking, not tapping fast); a wrong one
 * earns 0 and ends the streak. A failed training scores nothing and leaves streaks alone.
 * Returns false when the question had already been scored.
 */
export async function scorePredictions({ questionId, training }: ScorePredictionsOptions): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const stored = await tx.liveQuestion.updateMany({
      where: { id: questionId, predictOutcome: { equals: Prisma.DbNull } },
      data: { predictOutcome: { ...training, picture: null } },
    });
    if (stored.count === 0) return false;
    const outcome = training.status === 'decided' ? training.outcome : null;
    if (outcome === null) return true;
    const question = await tx.liveQuestion.findUniqueOrThrow({
      where: { id: questionId },
      select: { timeLimitS: true, session: { select: { pointsPerQuestion: true, streakBonus: true } } },
    });
    // Locks the players' rows: their streak is read and written here.
    const rows = await tx.$queryRaw<{ answerId: string; participantId: string; answer: unknown; msToAnswer: number; streak: number }[]>`
      SELECT a.id AS "answerId", p.id AS "participantId", a.answer, a."msToAnswer", p.streak
      FROM "LiveAnswer" a JOIN "LiveParticipant" p ON p.id = a."participantId"
      WHERE a."questionId" = ${questionId}
      FOR UPDATE OF p`;
    const scored = rows.map((row) => {
      const isRight = row.answer === outcome;
      const points = computePoints({
        score: isRight ? 1 : 0,
        msToAnswer: row.msToAnswer,
        timeLimitMs: question.timeLimitS * 1000,
        streakBefore: row.streak,
        scoring: { pointsPerQuestion: question.session.pointsPerQuestion, speedBonus: false, streakBonus: question.session.streakBonus },
      });
      return { ...row, isRight, points: points.points, streak: points.streak };
    });
    if (scored.length === 0) return true;
    await tx.$executeRaw`
      UPDATE "LiveAnswer" a SET score = v.score, correct = v.correct, points = v.points
      FROM unnest(${scored.map((s) => s.answerId)}::text[], ${scored.map((s) => (s.isRight ? 1 : 0))}::float8[], ${scored.map((s) => s.isRight)}::boolean[], ${scored.map((s) => s.points)}::int[])
        AS v(id, score, correct, points)
      WHERE a.id = v.id`;
    await tx.$executeRaw`
      UPDATE "LiveParticipant" p SET score = p.score + v.points, streak = v.streak
      FROM unnest(${scored.map((s) => s.participantId)}::text[], ${scored.map((s) => s.points)}::int[], ${scored.map((s) => s.streak)}::int[])
        AS v(id, points, streak)
      WHERE p.id = v.id`;
    return true;
  }, { timeout: 30_000 });
}
