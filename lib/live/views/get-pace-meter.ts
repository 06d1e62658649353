import 'server-only';
import { getDb } from '@/lib/db';
import type { TPaceMeter } from '@/lib/live/protocol/live-payloads';

/** The anonymous meter of one question: how many active players say "too fast" and "lost". */
export async function getPaceMeter(sessionId: string, questionIndex: number): Promise<TPaceMeter> {
  const db = getDb();
  const [counts, joined] = await Promise.all([
    db.livePaceSignal.groupBy({ by: ['kind'], where: { sessionId, questionIndex, participant: { kicked: false } }, _count: { _all: true } }),
    db.liveParticipant.count({ where: { sessionId, kicked: false } }),
  ]);
  const count = (kind: 'TOO_FAST' | 'LOST') => counts.find((row) => row.kind === kind)?._count._all ?? 0;
  return { questionIndex, tooFast: count('TOO_FAST'), lost: count('LOST'), joined };
}
