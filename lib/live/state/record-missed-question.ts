import crypto from 'node:crypto';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getSelfPacedPosition } from '@/lib/live/views/get-self-paced-position';

/**
 * Self-paced: the participant's time for their current question ran out, so it is recorded as
 * missed (a JSON-null answer worth nothing, the whole time limit counted) and the next question's
 * clock starts now. Idempotent through the same unique index as answers.
 */
export async function recordMissedQuestion(sessionId: string, participantId: string, now = new Date()): Promise<void> {
  const position = await getSelfPacedPosition(sessionId, participantId);
  if (!position.question || !position.closesAt) return;
  if (now.getTime() <= position.closesAt.getTime()) {
    throw new AppError('CONFLICT', { ko: '아직 이 문제의 시간이 남아 있습니다.', en: 'There is still time left for this question.' }, { reason: 'stale-phase' });
  }
  const limitMs = position.question.timeLimitS * 1000;
  await getDb().$executeRaw`
    WITH inserted AS (
      INSERT INTO "LiveAnswer" (id, "questionId", "participantId", seed, answer, score, correct, points, "msToAnswer", mistake, "createdAt")
      VALUES (${crypto.randomUUID()}, ${position.question.id}, ${participantId}, 0, 'null'::jsonb, 0, false, 0, ${limitMs}, NULL, ${now.toISOString()}::timestamp(3))
      ON CONFLICT ("questionId", "participantId") DO NOTHING
      RETURNING "participantId"
    )
    UPDATE "LiveParticipant" SET streak = 0, "totalAnswerMs" = "totalAnswerMs" + ${limitMs} WHERE id IN (SELECT "participantId" FROM inserted)`;
}
