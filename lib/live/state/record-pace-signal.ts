import 'server-only';
import crypto from 'node:crypto';
import { getLiveSql } from '@/lib/live/state/live-sql';

export type PaceKind = 'too-fast' | 'lost';

const KIND = { 'too-fast': 'TOO_FAST', lost: 'LOST' } as const;

export interface RecordPaceSignalOptions {
  sessionId: string;
  participantId: string;
  /** 'clear' withdraws the player's signal. */
  kind: PaceKind | 'clear';
}

/**
 * A player's pace signal for the session's current question (the lobby counts as −1). One per
 * player and question, so tapping again replaces it, and a new question starts with none: the
 * meter resets by itself. The host only ever sees counts (the meter is sent apart, coalesced:
 * schedulePaceMeter).
 *
 * One plain-pg statement per tap (as an answer: lib/live/state/live-sql.ts): the session's current
 * index is read inside it, so a tap can never land on a question other than the one open when
 * it is stored. Returns that index.
 */
export async function recordPaceSignal({ sessionId, participantId, kind }: RecordPaceSignalOptions): Promise<number> {
  const sql = getLiveSql();
  const { rows } =
    kind === 'clear'
      ? await sql.query<{ questionIndex: number }>(
          `WITH s AS (SELECT "currentIndex" AS idx FROM "LiveSession" WHERE id = $1), removed AS (
             DELETE FROM "LivePaceSignal" p USING s WHERE p."sessionId" = $1 AND p."participantId" = $2 AND p."questionIndex" = s.idx
           )
           SELECT idx AS "questionIndex" FROM s`,
          [sessionId, participantId],
        )
      : await sql.query<{ questionIndex: number }>(
          `WITH s AS (SELECT "currentIndex" AS idx FROM "LiveSession" WHERE id = $1), stored AS (
             INSERT INTO "LivePaceSignal" (id, "sessionId", "participantId", "questionIndex", kind, "updatedAt")
             SELECT $3, $1, $2, s.idx, $4::"LivePaceKind", $5::timestamp(3) FROM s
             ON CONFLICT ("sessionId", "questionIndex", "participantId") DO UPDATE SET kind = EXCLUDED.kind, "updatedAt" = EXCLUDED."updatedAt"
           )
           SELECT idx AS "questionIndex" FROM s`,
          [sessionId, participantId, crypto.randomUUID(), KIND[kind], new Date().toISOString()],
        );
  return rows[0]?.questionIndex ?? -1;
}
