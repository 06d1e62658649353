import { getDb } from '@/lib/db';

export interface LiveStanding {
  participantId: string;
  nickname: string;
  isGuest: boolean;
  score: number;
  streak: number;
  totalAnswerMs: number;
  rank: number;
}

/**
 * Every active participant in leaderboard order: points, then less total answer time (Kahoot's
 * tie-break), then who joined first. The order lives in this one query.
 */
export async function getLiveStandings(sessionId: string, limit?: number): Promise<LiveStanding[]> {
  const rows = await getDb().liveParticipant.findMany({
    where: { sessionId, kicked: false },
    take: limit,
    orderBy: [{ score: 'desc' }, { totalAnswerMs: 'asc' }, { joinedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, nickname: true, userId: true, score: true, streak: true, totalAnswerMs: true },
  });
  return rows.map((row, position) => ({
    participantId: row.id,
    nickname: row.nickname,
    isGuest: row.userId === null,
    score: row.score,
    streak: row.streak,
    totalAnswerMs: row.totalAnswerMs,
    rank: position + 1,
  }));
}
