import { getDb } from '@/lib/db';
import type { TPublicSession } from '@/lib/live/protocol/live-payloads';
import type { LiveSessionRow } from '@/lib/live/state/get-live-session-row';

/** The status everyone in the session may see. */
export async function getPublicSession(session: LiveSessionRow): Promise<TPublicSession> {
  const questionCount = await getDb().liveQuestion.count({ where: { sessionId: session.id } });
  return {
    sessionId: session.id,
    state: session.state,
    currentIndex: session.currentIndex,
    questionCount,
    mode: session.mode,
    locked: session.locked,
    allowGuests: session.allowGuests,
    deadline: session.deadline?.toISOString() ?? null,
    scoring: { pointsPerQuestion: session.pointsPerQuestion, speedBonus: session.speedBonus, streakBonus: session.streakBonus },
    teams: session.teamAssign ? { assign: session.teamAssign, count: session.teamCount ?? 0, talkS: session.teamTalkS } : null,
  };
}
