import { getDb } from '@/lib/db';
import { stalePhase } from '@/lib/live/protocol/live-errors';

/** RESULTS → LEADERBOARD for question `index`, only from where the host saw the session. */
export async function showLiveLeaderboard(sessionId: string, index: number): Promise<void> {
  const moved = await getDb().liveSession.updateMany({ where: { id: sessionId, state: 'RESULTS', currentIndex: index }, data: { state: 'LEADERBOARD' } });
  if (moved.count === 0) throw stalePhase();
}
