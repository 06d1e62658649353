import { getDb } from '@/lib/db';
import { hashGuestToken } from '@/lib/live/state/guest-token';
import { kicked, notJoined } from '@/lib/live/protocol/live-errors';

export interface ResolveLiveParticipantOptions {
  sessionId: string;
  /** From the session cookie, never from the client's payload. */
  userId: string | null;
  /** The server-issued guest token from the socket handshake. */
  guestToken: string | null;
}

export interface ResolvedParticipant {
  id: string;
  nickname: string;
}

/** Who this socket plays as in the session: the signed-in user's participant, else the guest token's. */
export async function resolveLiveParticipant({ sessionId, userId, guestToken }: ResolveLiveParticipantOptions): Promise<ResolvedParticipant> {
  const db = getDb();
  const select = { id: true, nickname: true, kicked: true } as const;
  const participant =
    (userId ? await db.liveParticipant.findUnique({ where: { sessionId_userId: { sessionId, userId } }, select }) : null) ??
    (guestToken ? await db.liveParticipant.findFirst({ where: { sessionId, guestTokenHash: hashGuestToken(guestToken) }, select }) : null);
  if (!participant) throw notJoined();
  if (participant.kicked) throw kicked();
  return { id: participant.id, nickname: participant.nickname };
}
