import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { getDb } from '@/lib/db';
import { getLogger } from '@/lib/log';
import { endSessionAndAnnounce } from '@/lib/live/announce/end-session-and-announce';

// A session nobody ended (the instructor closed the laptop) would stay "open" forever: listed as
// running, holding its PIN, offered to challenges. After two hours without activity it is ended as
// the End button would end it (an open question is closed first, so stored answers count).
// Activity is anything stored: the session's creation, a question opening or closing, a player
// joining, an answer. A self-paced session whose deadline is still ahead is never idle.

export const LIVE_IDLE_LIMIT_MS = 2 * 60 * 60_000;
export const LIVE_IDLE_SWEEP_MS = 10 * 60_000;

/** The open sessions whose last activity is more than LIVE_IDLE_LIMIT_MS before `now`. */
export async function findIdleLiveSessions(now = new Date()): Promise<string[]> {
  const db = getDb();
  const cutoff = new Date(now.getTime() - LIVE_IDLE_LIMIT_MS);
  const candidates = await db.liveSession.findMany({
    where: { state: { not: 'FINISHED' }, createdAt: { lt: cutoff }, OR: [{ deadline: null }, { deadline: { lte: now } }] },
    select: { id: true },
  });
  const idle: string[] = [];
  for (const { id } of candidates) {
    const [questions, participants, answers] = await Promise.all([
      db.liveQuestion.aggregate({ where: { sessionId: id }, _max: { openedAt: true, closedAt: true } }),
      db.liveParticipant.aggregate({ where: { sessionId: id }, _max: { joinedAt: true } }),
      db.liveAnswer.aggregate({ where: { question: { sessionId: id } }, _max: { createdAt: true } }),
    ]);
    const latest = [questions._max.openedAt, questions._max.closedAt, participants._max.joinedAt, answers._max.createdAt].some((at) => at && at >= cutoff);
    if (!latest) idle.push(id);
  }
  return idle;
}

/** Ends every idle session and tells anyone still connected. Returns the ids it ended. */
export async function endIdleLiveSessions(announce: LiveAnnouncer, now = new Date()): Promise<string[]> {
  const idle = await findIdleLiveSessions(now);
  for (const sessionId of idle) await endSessionAndAnnounce(announce, sessionId);
  if (idle.length > 0) getLogger().info({ sessions: idle }, `live: ended ${idle.length} idle session(s)`);
  return idle;
}

/** Sweeps at boot and every LIVE_IDLE_SWEEP_MS (each process; ending is idempotent). */
export function armIdleSweep(announce: LiveAnnouncer): void {
  const sweep = () => void endIdleLiveSessions(announce).catch((error: unknown) => getLogger().error({ err: error }, 'live: idle sweep failed'));
  sweep();
  setInterval(sweep, LIVE_IDLE_SWEEP_MS).unref();
}
