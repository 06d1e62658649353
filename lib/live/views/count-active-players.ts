import { getDb } from '@/lib/db';

/** How many players are in the session and not kicked: the "joined" of every count the host sees. */
export async function countActivePlayers(sessionId: string): Promise<number> {
  return getDb().liveParticipant.count({ where: { sessionId, kicked: false } });
}
