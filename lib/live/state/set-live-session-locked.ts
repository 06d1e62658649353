import { getDb } from '@/lib/db';

/** Locks or unlocks the session to new players; players already in it can always come back. */
export async function setLiveSessionLocked(sessionId: string, locked: boolean): Promise<void> {
  await getDb().liveSession.update({ where: { id: sessionId }, data: { locked } });
}
