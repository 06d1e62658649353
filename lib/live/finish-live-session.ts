import { getDb } from '@/lib/db';

/**
 * Ends the session: FINISHED, the PIN freed for other sessions. Returns false if it had already
 * ended. An open question is closed first by the caller, so its answers are counted.
 */
export async function finishLiveSession(sessionId: string, now = new Date()): Promise<boolean> {
  const ended = await getDb().liveSession.updateMany({
    where: { id: sessionId, state: { not: 'FINISHED' } },
    data: { state: 'FINISHED', openPin: null, endedAt: now },
  });
  return ended.count > 0;
}
