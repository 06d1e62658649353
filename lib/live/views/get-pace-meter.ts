import 'server-only';
import type { TPaceMeter } from '@/lib/live/protocol/live-payloads';
import { getLiveSql } from '@/lib/live/state/live-sql';

/**
 * The anonymous meter of one question: how many active players say "too fast" and "lost". Without
 * `questionIndex`, the session's current question (read in the same statement). One plain-pg query.
 */
export async function getPaceMeter(sessionId: string, questionIndex?: number): Promise<TPaceMeter> {
  const { rows } = await getLiveSql().query<TPaceMeter>(
    `WITH q AS (SELECT COALESCE($2::int, "currentIndex") AS idx FROM "LiveSession" WHERE id = $1)
     SELECT q.idx AS "questionIndex", c."tooFast", c.lost,
       (SELECT count(*) FROM "LiveParticipant" WHERE "sessionId" = $1 AND NOT kicked)::int AS joined
     FROM q, LATERAL (
       SELECT count(*) FILTER (WHERE ps.kind = 'TOO_FAST')::int AS "tooFast", count(*) FILTER (WHERE ps.kind = 'LOST')::int AS lost
       FROM "LivePaceSignal" ps JOIN "LiveParticipant" p ON p.id = ps."participantId"
       WHERE ps."sessionId" = $1 AND ps."questionIndex" = q.idx AND NOT p.kicked
     ) c`,
    [sessionId, questionIndex ?? null],
  );
  return rows[0] ?? { questionIndex: questionIndex ?? -1, tooFast: 0, lost: 0, joined: 0 };
}
