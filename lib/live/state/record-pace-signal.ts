import 'server-only';
import { getDb } from '@/lib/db';
import type { TPaceMeter } from '@/lib/live/protocol/live-payloads';
import { getPaceMeter } from '@/lib/live/views/get-pace-meter';

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
 * meter resets by itself. The host only ever sees counts.
 */
export async function recordPaceSignal({ sessionId, participantId, kind }: RecordPaceSignalOptions): Promise<TPaceMeter> {
  const db = getDb();
  const session = await db.liveSession.findUnique({ where: { id: sessionId }, select: { currentIndex: true } });
  const questionIndex = session?.currentIndex ?? -1;
  const key = { sessionId_questionIndex_participantId: { sessionId, questionIndex, participantId } };
  if (kind === 'clear') await db.livePaceSignal.deleteMany({ where: { sessionId, questionIndex, participantId } });
  else await db.livePaceSignal.upsert({ where: key, create: { sessionId, questionIndex, participantId, kind: KIND[kind] }, update: { kind: KIND[kind] } });
  return getPaceMeter(sessionId, questionIndex);
}
