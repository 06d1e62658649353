import 'server-only';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';

export interface PickLiveTeamOptions {
  sessionId: string;
  participantId: string;
  team: number;
}

/** PICK mode: a player chooses a team in the lobby (and may change their mind until the start). */
export async function pickLiveTeam({ sessionId, participantId, team }: PickLiveTeamOptions): Promise<{ team: number }> {
  const db = getDb();
  const session = await db.liveSession.findUnique({ where: { id: sessionId }, select: { teamAssign: true, teamCount: true, state: true } });
  if (session?.teamAssign !== 'PICK' || session.teamCount === null) {
    throw new AppError('CONFLICT', { ko: '이 세션에서는 팀을 고를 수 없습니다.', en: 'Teams are not picked by players in this session.' }, { reason: 'teams-not-picked' });
  }
  if (session.state !== 'LOBBY') throw new AppError('CONFLICT', { ko: '시작한 뒤에는 팀을 바꿀 수 없습니다.', en: 'Teams cannot change once the session has started.' }, { reason: 'teams-not-picked' });
  if (team >= session.teamCount) throw new AppError('BAD_REQUEST', { ko: '없는 팀입니다.', en: 'There is no such team.' }, { reason: 'bad-request' });
  const updated = await db.liveParticipant.updateMany({ where: { id: participantId, sessionId, kicked: false }, data: { team } });
  if (updated.count === 0) throw new AppError('FORBIDDEN', { ko: '이 세션에 참여하지 않았습니다.', en: 'You have not joined this session.' }, { reason: 'not-joined' });
  return { team };
}
