import { getDb } from '@/lib/db';

/** Self-paced: how many active players have an answer (or a recorded miss) for every question. */
export async function countFinishedPlayers(sessionId: string): Promise<number> {
  const rows = await getDb().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT a."participantId" FROM "LiveAnswer" a
      JOIN "LiveQuestion" q ON q.id = a."questionId" JOIN "LiveParticipant" p ON p.id = a."participantId"
      WHERE q."sessionId" = ${sessionId} AND NOT p.kicked
      GROUP BY a."participantId"
      HAVING count(*) >= (SELECT count(*) FROM "LiveQuestion" WHERE "sessionId" = ${sessionId})
    ) done`;
  return rows[0]?.count ?? 0;
}
