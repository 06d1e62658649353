import { getDb } from '@/lib/db';

export interface CloseLiveQuestionOptions {
  sessionId: string;
  index: number;
  now?: Date;
}

/**
 * Closes question `index` once: by the timer, by the host skipping ahead, or when everyone has
 * answered, on whichever process gets there first. Returns false when it was already closed.
 * The UPDATE of the question row waits for answers holding a share lock on it (see
 * submitLiveAnswer), so everything counted after this was acknowledged before it.
 */
export async function closeLiveQuestion({ sessionId, index, now = new Date() }: CloseLiveQuestionOptions): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const question = await tx.liveQuestion.findUnique({ where: { sessionId_index: { sessionId, index } }, select: { id: true, timeLimitS: true } });
    if (!question) return false;
    const closed = await tx.liveQuestion.updateMany({
      where: { id: question.id, openedAt: { not: null }, closedAt: null },
      data: { closedAt: now },
    });
    if (closed.count === 0) return false;
    await tx.liveSession.updateMany({ where: { id: sessionId, state: 'QUESTION', currentIndex: index }, data: { state: 'RESULTS' } });
    // No answer: the streak ends, and the whole time limit counts towards the tie-break time.
    await tx.$executeRaw`
      UPDATE "LiveParticipant" p
      SET streak = 0, "totalAnswerMs" = p."totalAnswerMs" + ${question.timeLimitS * 1000}
      WHERE p."sessionId" = ${sessionId} AND NOT p.kicked
        AND NOT EXISTS (SELECT 1 FROM "LiveAnswer" a WHERE a."questionId" = ${question.id} AND a."participantId" = p.id)`;
    return true;
  }, { timeout: 15_000 });
}
