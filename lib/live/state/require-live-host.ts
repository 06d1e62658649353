import { getDb } from '@/lib/db';
import { notHost, sessionNotFound } from '@/lib/live/protocol/live-errors';
import { LIVE_SESSION_SELECT, type LiveSessionRow } from '@/lib/live/state/get-live-session-row';

/**
 * The session, if `userId` may run it: its host, or an instructor of its class. Authorised in the
 * query itself, so a stranger learns nothing beyond "not found or not yours".
 */
export async function requireLiveHost(sessionId: string, userId: string | null): Promise<LiveSessionRow> {
  if (!userId) throw notHost();
  const session = await getDb().liveSession.findFirst({
    where: { id: sessionId, OR: [{ hostId: userId }, { class: { memberships: { some: { userId, role: 'INSTRUCTOR' } } } }] },
    select: LIVE_SESSION_SELECT,
  });
  if (session) return session;
  const exists = await getDb().liveSession.count({ where: { id: sessionId } });
  throw exists > 0 ? notHost() : sessionNotFound();
}
