import { getDb } from '@/lib/db';

/**
 * Ends the session: FINISHED, every opened question closed (self-paced ones stay open until now),
 * the PIN freed for other sessions. Returns false if it had already ended. An instructor-paced
 * question is closed by the caller first, so its results and streaks are settled.
 */
export async function finishLiveSession(sessionId: string, now = new Date()): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const ended = await tx.liveSession.updateMany({
      where: { id: sessionId, state: { not: 'FINISHED' } },
      data: { state: 'FINISHED', openPin: null, endedAt: now },
    });
    if (ended.count === 0) return false;
    await tx.liveQuestion.updateMany({ where: { sessionId, openedAt: { not: null }, closedAt: null }, data: { closedAt: now } });
    return true;
  });
}
