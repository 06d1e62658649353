import { getDb } from '@/lib/db';
import { sessionNotFound } from '@/lib/live/protocol/live-errors';

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
  pointsPerQuestion: number;
  speedBonus: boolean;
  streakBonus: boolean;
  teamAssign: 'RANDOM' | 'BY_SIZE' | 'PICK' | null;
  teamCount: number | null;
  teamTalkS: number;
}

/** The columns of a LiveSessionRow. */
export const LIVE_SESSION_SELECT = {
  id: true, classId: true, hostId: true, pin: true, mode: true, state: true, currentIndex: true,
  locked: true, allowGuests: true, unitId: true, deadline: true, endedAt: true,
  pointsPerQuestion: true, speedBonus: true, streakBonus: true, teamAssign: true, teamCount: true, teamTalkS: true,
} as const;

/** The session by id; throws sessionNotFound() if there is none. */
export async function getLiveSessionRow(sessionId: string): Promise<LiveSessionRow> {
  const session = await getDb().liveSession.findUnique({ where: { id: sessionId }, select: LIVE_SESSION_SELECT });
  if (!session) throw sessionNotFound();
  return session;
}
