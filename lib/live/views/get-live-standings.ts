import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import { closedStandingsCte } from '@/lib/live/views/closed-standings-sql';

export interface LiveStanding {
  participantId: string;
  nickname: string;
  isGuest: boolean;
  score: number;
  streak: number;
  totalAnswerMs: number;
  team: number | null;
  rank: number;
}

/**
 * Every active participant in leaderboard order: points, then less total answer time (Kahoot's
 * tie-break), then who joined first. The order lives in this one query. While an instructor-paced
 * question is open, standings are those of the last closed question (see closedStandingsCte).
 */
export async function getLiveStandings(sessionId: string, limit?: number): Promise<LiveStanding[]> {
  const rows = await getDb().$queryRaw<Omit<LiveStanding, 'rank'>[]>`
    WITH ${closedStandingsCte(sessionId)}
    SELECT id AS "participantId", nickname, ("userId" IS NULL) AS "isGuest", score, streak, "totalAnswerMs", team
    FROM standing
    WHERE NOT kicked
    ORDER BY score DESC, "totalAnswerMs" ASC, "joinedAt" ASC, id ASC
    ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map((row, position) => ({ ...row, rank: position + 1 }));
}
