import { findSessionUser, parseCookieHeader, readSessionClaims } from '@/lib/auth/session-token';

export interface SocketSession {
  userId: string;
  sessionId: string | null;
}

/** The current session in a socket handshake's Cookie header, or null (none, expired, tampered, revoked, account gone). */
export async function readSocketSession(cookieHeader: string | undefined): Promise<SocketSession | null> {
  const cookies = parseCookieHeader(cookieHeader);
  const claims = await readSessionClaims((name) => cookies.get(name));
  if (!claims || !(await findSessionUser(claims))) return null;
  return { userId: claims.userId, sessionId: claims.sessionId };
}
