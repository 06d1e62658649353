import { getDb } from '@/lib/db';
import type { TPlayerStanding } from '@/lib/live/live-payloads';

interface StandingRow {
  nickname: string;
  score: number;
  streak: number;
  rank: number;
  participantCount: number;
}

/** One participant's standing, ranked in the database by the same order as getLiveStandings. */
export async function getPlayerStanding(sessionId: string, participantId: string): Promise<TPlayerStanding | null> {
  const rows = await getDb().$queryRaw<StandingRow[]>`
    SELECT me.nickname, me.score, me.streak,
      (SELECT count(*) FROM "LiveParticipant" o
        WHERE o."sessionId" = me."sessionId" AND NOT o.kicked
          AND (o.score, -o."totalAnswerMs", -extract(epoch FROM o."joinedAt")) > (me.score, -me."totalAnswerMs", -extract(epoch FROM me."joinedAt"))
      )::int + 1 AS rank,
      (SELECT count(*) FROM "LiveParticipant" a WHERE a."sessionId" = me."sessionId" AND NOT a.kicked)::int AS "participantCount"
    FROM "LiveParticipant" me
    WHERE me.id = ${participantId} AND me."sessionId" = ${sessionId}`;
  return rows[0] ?? null;
}
