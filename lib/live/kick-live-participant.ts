import { getDb } from '@/lib/db';
import { LiveError } from '@/lib/live/live-error';

/** Removes a player: they leave the leaderboard, their answers stop counting, and they cannot rejoin. */
export async function kickLiveParticipant(sessionId: string, participantId: string): Promise<void> {
  const kicked = await getDb().liveParticipant.updateMany({ where: { id: participantId, sessionId }, data: { kicked: true } });
  if (kicked.count === 0) throw new LiveError('NOT_FOUND', 'not-joined', { ko: '그 참가자를 찾을 수 없습니다.', en: 'No such player in this session.' });
}
