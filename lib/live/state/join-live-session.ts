import { AppError, isUniqueViolation } from '@/lib/errors';
import { getDb } from '@/lib/db';
import { lockSessionForJoin, teamForLateJoiner } from '@/lib/live/state/assign-session-teams';
import { issueGuestToken } from '@/lib/live/state/guest-token';
import { kicked } from '@/lib/live/protocol/live-errors';
import type { TJoinLiveSession } from '@/lib/live/protocol/live-schemas';
import { getPublicLabel } from '@/lib/classes/get-public-label';

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
 * The one answer for a PIN that has no open session *and* for one the caller may not join (not a
 * member of its class, or a guest where guests are not allowed): the same status, reason and
 * sentence, counted against the same wrong-PIN limit, so PINs cannot be enumerated by probing.
 */
export function noSessionForPin(): AppError {
  return new AppError('NOT_FOUND', {
    ko: '그 PIN으로 참여할 수 있는 열린 세션이 없습니다. PIN을 확인하고, 수업 세션이면 로그인하세요.',
    en: 'No open session you can join has that PIN. Check the PIN, and sign in if it is your class’s session.',
  }, { reason: 'session-not-found' });
}

/**
 * Resolves a PIN and makes the caller a participant. A signed-in user who already joined gets
 * their participant back (even when the session is locked); a guest gets a new participant and a
 * server-issued token, which is their identity from then on. Only callers allowed into the session
 * learn anything about it (locked, past its deadline, nickname taken); everyone else gets
 * noSessionForPin().
 */
export async function joinLiveSession({ input, userId }: JoinLiveSessionOptions): Promise<JoinedLiveSession> {
  const db = getDb();
  const session = await db.liveSession.findUnique({
    where: { openPin: input.pin },
    select: { id: true, classId: true, locked: true, allowGuests: true, deadline: true, state: true },
  });
  if (!session) throw noSessionForPin();

  if (userId) {
    const existing = await db.liveParticipant.findUnique({ where: { sessionId_userId: { sessionId: session.id, userId } }, select: { id: true, nickname: true, kicked: true } });
    if (existing) {
      if (existing.kicked) throw kicked();
      if (isPastDeadline(session.deadline)) throw deadlinePassed();
      return { sessionId: session.id, participantId: existing.id, nickname: existing.nickname, guestToken: null };
    }
  }

  const user = userId
    ? await db.user.findUnique({
        where: { id: userId },
        select: { name: true, memberships: { where: { classId: session.classId ?? '' }, select: { nickname: true, class: { select: { showNicknames: true } } } } },
      })
    : null;
  if (userId && !user) throw new AppError('UNAUTHORIZED', { ko: '다시 로그인해 주세요.', en: 'Please sign in again.' }, { reason: 'not-joined' });
  const membership = user?.memberships[0];
  if (!membership && !session.allowGuests) throw noSessionForPin();

  if (isPastDeadline(session.deadline)) throw deadlinePassed();
  if (session.locked) throw new AppError('FORBIDDEN', { ko: '진행자가 세션을 잠가 새로 참여할 수 없습니다.', en: 'The host has locked the session to new players.' }, { reason: 'session-locked' });
  if (!userId || !user) return joinAsGuest(session.id, input.nickname);

  // What classmates see: the class's public label (nickname, else "Student N") when the class
  // shows nicknames, never the real name; the student may type a nickname of their own.
  const preferred = input.nickname ?? (membership && session.classId && membership.class.showNicknames ? (await getPublicLabel(session.classId, userId)).en : user.name);
  return createMemberParticipant(session.id, userId, preferred);
}

function isPastDeadline(deadline: Date | null): boolean {
  return deadline !== null && deadline.getTime() < Date.now();
}

function deadlinePassed(): AppError {
  return new AppError('CONFLICT', { ko: '이 세션의 마감 시간이 지났습니다.', en: 'This session is past its deadline.' }, { reason: 'deadline-passed' });
}

async function joinAsGuest(sessionId: string, nickname: string | undefined): Promise<JoinedLiveSession> {
  if (!nickname) throw new AppError('BAD_REQUEST', { ko: '닉네임을 입력하세요.', en: 'Enter a nickname.' }, { reason: 'nickname-required' });
  const { token, hash } = issueGuestToken();
  try {
    const participant = await getDb().$transaction(async (tx) => {
      await lockSessionForJoin(tx, sessionId);
      const team = await teamForLateJoiner(tx, sessionId);
      return tx.liveParticipant.create({ data: { sessionId, nickname, guestTokenHash: hash, team }, select: { id: true, nickname: true } });
    });
    return { sessionId, participantId: participant.id, nickname: participant.nickname, guestToken: token };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { ko: '이미 사용 중인 닉네임입니다. 다른 닉네임을 고르세요.', en: 'That nickname is taken; pick another one.' }, { reason: 'nickname-taken' });
    throw error;
  }
}

/** A member keeps their name; on a clash with another player's nickname a number is appended. */
async function createMemberParticipant(sessionId: string, userId: string, preferred: string): Promise<JoinedLiveSession> {
  const base = preferred.trim().slice(0, 20) || 'Player';
  for (let attempt = 1; attempt <= 20; attempt++) {
    const nickname = attempt === 1 ? base : `${base} ${attempt}`;
    try {
      const participant = await getDb().$transaction(async (tx) => {
        await lockSessionForJoin(tx, sessionId);
        const team = await teamForLateJoiner(tx, sessionId);
        return tx.liveParticipant.create({ data: { sessionId, userId, nickname, team }, select: { id: true, nickname: true } });
      });
      return { sessionId, participantId: participant.id, nickname: participant.nickname, guestToken: null };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A double click raced us: the other request created this user's participant.
      const existing = await getDb().liveParticipant.findUnique({ where: { sessionId_userId: { sessionId, userId } }, select: { id: true, nickname: true, kicked: true } });
      if (existing?.kicked) throw kicked();
      if (existing) return { sessionId, participantId: existing.id, nickname: existing.nickname, guestToken: null };
    }
  }
  throw new AppError('CONFLICT', { ko: '닉네임을 정할 수 없습니다. 다시 시도하세요.', en: 'Could not find a free nickname; please try again.' }, { reason: 'nickname-taken' });
}
