import { getDb } from '@/lib/db';
import { notHost, sessionNotFound } from '@/lib/live/live-errors';

export interface LiveSessionRow {
  id: string;
  classId: string | null;
  hostId: string;
  pin: string;
  mode: 'INSTRUCTOR_PACED' | 'SELF_PACED';
  state: 'LOBBY' | 'QUESTION' | 'RESULTS' | 'LEADERBOARD' | 'FINISHED';
  currentIndex: number;
  locked: boolean;
  allowGuests: boolean;
  unitId: string | null;
  deadline: Date | null;
  endedAt: Date | null;
}

const SESSION_SELECT = {
  id: true, classId: true, hostId: true, pin: true, mode: true, state: true, currentIndex: true,
  locked: true, allowGuests: true, unitId: true, deadline: true, endedAt: true,
} as const;

/**
 * The session, if `userId` may run it: its host, or an instructor of its class. Authorised in the
 * query itself, so a stranger learns nothing beyond "not found or not yours".
 */
export async function requireLiveHost(sessionId: string, userId: string | null): Promise<LiveSessionRow> {
  if (!userId) throw notHost();
  const session = await getDb().liveSession.findFirst({
    where: { id: sessionId, OR: [{ hostId: userId }, { class: { memberships: { some: { userId, role: 'INSTRUCTOR' } } } }] },
    select: SESSION_SELECT,
  });
  if (session) return session;
  const exists = await getDb().liveSession.count({ where: { id: sessionId } });
  throw exists > 0 ? notHost() : sessionNotFound();
}

export async function getLiveSessionRow(sessionId: string): Promise<LiveSessionRow> {
  const session = await getDb().liveSession.findUnique({ where: { id: sessionId }, select: SESSION_SELECT });
  if (!session) throw sessionNotFound();
  return session;
}
