import 'server-only';
import { cookies } from 'next/headers';
import { AppError } from '@/lib/errors';
import { SIGN_IN_REQUIRED } from '@/lib/realtime/on-event';
import { findSessionUser, readSessionClaims, type SessionClaims, type SessionUser } from '@/lib/auth/session-token';

export type { SessionUser } from '@/lib/auth/session-token';

export interface CurrentSession {
  user: SessionUser;
  claims: SessionClaims;
}

/**
 * The request's session and its user, or null. The session must be current: the account still
 * exists, and the token was neither signed out nor revoked by "sign out everywhere" or a password change.
 */
export async function getOptionalSession(): Promise<CurrentSession | null> {
  const jar = await cookies();
  const claims = await readSessionClaims((name) => jar.get(name)?.value);
  if (!claims) return null;
  const user = await findSessionUser(claims);
  return user ? { user, claims } : null;
}

/** The signed-in user, or null. */
export async function getOptionalUser(): Promise<SessionUser | null> {
  return (await getOptionalSession())?.user ?? null;
}

/** The signed-in session; throws 401 when there is none (no session, expired, revoked, or account gone). */
export async function requireSession(): Promise<CurrentSession> {
  const session = await getOptionalSession();
  if (!session) throw new AppError('UNAUTHORIZED', SIGN_IN_REQUIRED);
  return session;
}

/** The signed-in user; throws 401 when there is none (no session, expired, revoked, or account gone). */
export async function requireUser(): Promise<SessionUser> {
  return (await requireSession()).user;
}
