import { getDb } from '@/lib/db';
import type { TLiveStateName } from '@/lib/live/protocol/live-payloads';

export interface LiveHostingOptions {
  classes: { id: string; name: string }[];
  recentSessions: { id: string; pin: string; className: string | null; state: TLiveStateName; createdAt: string; participants: number; questions: number }[];
}

/** What the "new live session" page offers: the classes the user teaches and their recent sessions. */
export async function getLiveHostingOptions(userId: string): Promise<LiveHostingOptions> {
  const db = getDb();
  const [memberships, sessions] = await Promise.all([
    db.membership.findMany({ where: { userId, role: 'INSTRUCTOR' }, orderBy: { createdAt: 'desc' }, select: { class: { select: { id: true, name: true } } } }),
    db.liveSession.findMany({
      where: { hostId: userId },
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: { id: true, pin: true, state: true, createdAt: true, class: { select: { name: true } }, _count: { select: { participants: true, questions: true } } },
    }),
  ]);
  return {
    classes: memberships.map((membership) => membership.class),
    recentSessions: sessions.map((session) => ({
      id: session.id,
      pin: session.pin,
      className: session.class?.name ?? null,
      state: session.state,
      createdAt: session.createdAt.toISOString(),
      participants: session._count.participants,
      questions: session._count.questions,
    })),
  };
}
