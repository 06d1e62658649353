import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Removes a player: they leave the leaderboard, their answers stop counting, and they cannot rejoin. */
export async function kickLiveParticipant(sessionId: string, participantId: string): Promise<void> {
  const kicked = await getDb().liveParticipant.updateMany({ where: { id: participantId, sessionId }, data: { kicked: true } });
  if (kicked.count === 0) throw new AppError('NOT_FOUND', { ko: '그 참가자를 찾을 수 없습니다.', en: 'No such player in this session.' }, { reason: 'not-joined' });
}
