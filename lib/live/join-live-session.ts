import { isUniqueViolation } from '@/lib/errors';
import { getDb } from '@/lib/db';
import { issueGuestToken } from '@/lib/live/guest-token';
import { LiveError } from '@/lib/live/live-error';
import type { TJoinLiveSession } from '@/lib/live/live-schemas';

export interface JoinLiveSessionOptions {
  input: TJoinLiveSession;
  /** The signed-in user, or null for a guest. */
  userId: string | null;
}

export interface JoinedLiveSession {
  sessionId: string;
  participantId: string;
  nickname: string;
  /** Only for a new guest: shown once, kept by the browser, never stored by us. */
  guestToken: string | null;
}

/**
 * Resolves a PIN and makes the caller a participant. A signed-in user who already joined gets
 * their participant back (even when the session is locked); a guest gets a new participant and a
 * server-issued token, which is their identity from then on.
 */
export async function joinLiveSession({ input, userId }: JoinLiveSessionOptions): Promise<JoinedLiveSession> {
  const db = getDb();
  const session = await db.liveSession.findUnique({
    where: { openPin: input.pin },
    select: { id: true, classId: true, locked: true, allowGuests: true, deadline: true, state: true },
  });
  if (!session) throw new LiveError('NOT_FOUND', 'session-not-found', { ko: '그 PIN으로 열린 세션이 없습니다.', en: 'No open session has that PIN.' });
  if (session.deadline && session.deadline.getTime() < Date.now()) {
    throw new LiveError('CONFLICT', 'deadline-passed', { ko: '이 세션의 마감 시간이 지났습니다.', en: 'This session is past its deadline.' });
  }

  if (userId) {
    const existing = await db.liveParticipant.findUnique({ where: { sessionId_userId: { sessionId: session.id, userId } }, select: { id: true, nickname: true, kicked: true } });
    if (existing) {
      if (existing.kicked) throw kickedError();
      return { sessionId: session.id, participantId: existing.id, nickname: existing.nickname, guestToken: null };
    }
  }
  if (session.locked) throw new LiveError('FORBIDDEN', 'session-locked', { ko: '진행자가 세션을 잠가 새로 참여할 수 없습니다.', en: 'The host has locked the session to new players.' });

  if (!userId) return joinAsGuest(session.id, session.allowGuests, input.nickname);

  const user = await db.user.findUnique({
    where: { id: userId },
    select: { name: true, memberships: { where: { classId: session.classId ?? '' }, select: { nickname: true, class: { select: { showNicknames: true } } } } },
  });
  if (!user) throw new LiveError('UNAUTHORIZED', 'not-joined', { ko: '다시 로그인해 주세요.', en: 'Please sign in again.' });
  const membership = user.memberships[0];
  if (!membership && !session.allowGuests) {
    throw new LiveError('FORBIDDEN', 'not-a-member', { ko: '이 수업의 학생만 참여할 수 있습니다.', en: 'Only students of this class can join this session.' });
  }
  const preferred = input.nickname ?? (membership?.class.showNicknames && membership.nickname ? membership.nickname : user.name);
  return createMemberParticipant(session.id, userId, preferred);
}

async function joinAsGuest(sessionId: string, allowGuests: boolean, nickname: string | undefined): Promise<JoinedLiveSession> {
  if (!allowGuests) throw new LiveError('UNAUTHORIZED', 'guests-not-allowed', { ko: '이 세션은 로그인한 학생만 참여할 수 있습니다.', en: 'Please sign in: this session is not open to guests.' });
  if (!nickname) throw new LiveError('BAD_REQUEST', 'nickname-required', { ko: '닉네임을 입력하세요.', en: 'Enter a nickname.' });
  const { token, hash } = issueGuestToken();
  try {
    const participant = await getDb().liveParticipant.create({ data: { sessionId, nickname, guestTokenHash: hash }, select: { id: true, nickname: true } });
    return { sessionId, participantId: participant.id, nickname: participant.nickname, guestToken: token };
  } catch (error) {
    if (isUniqueViolation(error)) throw new LiveError('CONFLICT', 'nickname-taken', { ko: '이미 사용 중인 닉네임입니다. 다른 닉네임을 고르세요.', en: 'That nickname is taken; pick another one.' });
    throw error;
  }
}

/** A member keeps their name; on a clash with another player's nickname a number is appended. */
async function createMemberParticipant(sessionId: string, userId: string, preferred: string): Promise<JoinedLiveSession> {
  const base = preferred.trim().slice(0, 20) || 'Player';
  for (let attempt = 1; attempt <= 20; attempt++) {
    const nickname = attempt === 1 ? base : `${base} ${attempt}`;
    try {
      const participant = await getDb().liveParticipant.create({ data: { sessionId, userId, nickname }, select: { id: true, nickname: true } });
      return { sessionId, participantId: participant.id, nickname: participant.nickname, guestToken: null };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A double click raced us: the other request created this user's participant.
      const existing = await getDb().liveParticipant.findUnique({ where: { sessionId_userId: { sessionId, userId } }, select: { id: true, nickname: true, kicked: true } });
      if (existing?.kicked) throw kickedError();
      if (existing) return { sessionId, participantId: existing.id, nickname: existing.nickname, guestToken: null };
    }
  }
  throw new LiveError('CONFLICT', 'nickname-taken', { ko: '닉네임을 정할 수 없습니다. 다시 시도하세요.', en: 'Could not find a free nickname; please try again.' });
}

function kickedError(): LiveError {
  return new LiveError('FORBIDDEN', 'kicked', { ko: '진행자가 이 세션에서 내보냈습니다.', en: 'The host removed you from this session.' });
}
