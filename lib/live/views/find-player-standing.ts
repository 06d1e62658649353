import { getDb } from '@/lib/db';
import { closedStandingsCte } from '@/lib/live/views/closed-standings-sql';
import type { TPlayerStanding } from '@/lib/live/protocol/live-payloads';

/**
 * One participant's standing, ranked in the database by the same order as getLiveStandings, and
 * like it as of the last closed question while an instructor-paced question is open.
 */
export async function findPlayerStanding(sessionId: string, participantId: string): Promise<TPlayerStanding | null> {
  const rows = await getDb().$queryRaw<TPlayerStanding[]>`
    WITH ${closedStandingsCte(sessionId)}
    SELECT me.nickname, me.score, me.streak, me.team,
      (SELECT count(*) FROM standing o
        WHERE NOT o.kicked
          AND (o.score, -o."totalAnswerMs", -extract(epoch FROM o."joinedAt")) > (me.score, -me."totalAnswerMs", -extract(epoch FROM me."joinedAt"))
      )::int + 1 AS rank,
      (SELECT count(*) FROM standing a WHERE NOT a.kicked)::int AS "participantCount"
    FROM standing me
    WHERE me.id = ${participantId}`;
  return rows[0] ?? null;
}
