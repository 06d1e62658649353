import { Prisma } from '@/generated/prisma/client';

/**
 * A CTE `standing` of a session's participants as of the last closed question: while an
 * instructor-paced question is open, the points, counted time and streak of an answer to it are
 * taken back out, so neither a re-entering player nor the host learns a grade before the question
 * closes (the stored row already includes them: the answer and its points are one statement).
 * The streak before a wrong answer is rebuilt from the closed questions: correct answers in a row
 * after the last closed question without one. Columns: id, nickname, userId, joinedAt, kicked,
 * score, streak, totalAnswerMs, team. Self-paced sessions report each answer's result in its ack, so
 * nothing is held back there.
 */
export function closedStandingsCte(sessionId: string): Prisma.Sql {
  return Prisma.sql`
    open_question AS (
      SELECT q.id FROM "LiveQuestion" q JOIN "LiveSession" s ON s.id = q."sessionId"
      WHERE s.id = ${sessionId} AND s.mode = 'INSTRUCTOR_PACED' AND s.state = 'QUESTION'
        AND q.index = s."currentIndex" AND q."openedAt" IS NOT NULL AND q."closedAt" IS NULL
    ),
    standing AS (
      SELECT p.id, p.nickname, p."userId", p."joinedAt", p.kicked, p.team,
        p.score - coalesce(a.points, 0) AS score,
        p."totalAnswerMs" - coalesce(a."msToAnswer", 0) AS "totalAnswerMs",
        CASE
          WHEN a.correct IS NULL THEN p.streak
          WHEN a.correct THEN p.streak - 1
          ELSE (
            SELECT count(*)::int FROM "LiveQuestion" q2
            WHERE q2."sessionId" = p."sessionId" AND q2."closedAt" IS NOT NULL
              AND q2.index > coalesce((
                SELECT max(q3.index) FROM "LiveQuestion" q3
                WHERE q3."sessionId" = p."sessionId" AND q3."closedAt" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "LiveAnswer" a3 WHERE a3."questionId" = q3.id AND a3."participantId" = p.id AND a3.correct)
              ), -1)
          )
        END AS streak
      FROM "LiveParticipant" p
      LEFT JOIN "LiveAnswer" a ON a."participantId" = p.id AND a."questionId" = (SELECT id FROM open_question)
      WHERE p."sessionId" = ${sessionId}
    )`;
}
