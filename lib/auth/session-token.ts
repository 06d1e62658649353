import crypto from 'node:crypto';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';

// A session is a signed, encrypted next-auth JWT cookie that also names itself and the account's
// session version: `sid`, a random id given at sign-in (kept when next-auth re-encodes the token),
// and `sv`, the user's `sessionVersion` at sign-in. A token is accepted only while its user exists,
// its `sv` is still the user's version ("sign out everywhere" and a password change increment it)
// and its `sid` is not in RevokedSession (sign-out puts it there). Pages, route handlers and
// socket connections all read a session through `findSessionUser`, one query. Not `server-only`:
// server.ts loads the socket server, which reads the same cookie, outside Next.

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** This sign-in's id, for revoking it alone. */
    sid?: string;
    /** The user's session version when the token was issued. */
    sv?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** next-auth's names: `__Secure-` when the site is served over https. */
export const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/** What identifies a session: its user, its id and the session version it was issued under. */
export interface SessionRef {
  userId: string;
  /** Null only for a token issued before sessions had ids (revoked by "sign out everywhere"). */
  sessionId: string | null;
  sessionVersion: number;
}

export interface SessionClaims extends SessionRef {
  expiresAt: Date;
  /** The cookie it came from, so a re-issued token replaces it under the same name. */
  cookieName: (typeof SESSION_COOKIE_NAMES)[number];
  token: JWT;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export function newSessionId(): string {
  return crypto.randomUUID();
}

/** The claims of a valid (signed, unexpired) session cookie, or null. Says nothing about revocation. */
export async function readSessionClaims(readCookie: (name: string) => string | undefined): Promise<SessionClaims | null> {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (!secret) return null;
  for (const cookieName of SESSION_COOKIE_NAMES) {
    const value = readCookie(cookieName);
    if (!value) continue;
    const token = await decode({ token: value, secret }).catch(() => null);
    if (!token?.sub || typeof token.exp !== 'number' || token.exp * 1000 <= Date.now()) continue;
    return {
      userId: token.sub,
      sessionId: typeof token.sid === 'string' ? token.sid : null,
      sessionVersion: typeof token.sv === 'number' ? token.sv : 0,
      expiresAt: new Date(token.exp * 1000),
      cookieName,
      token,
    };
  }
  return null;
}

/** The claims' user while the session is current: the account exists, the version matches, the id is not revoked. */
export async function findSessionUser(claims: SessionRef): Promise<SessionUser | null> {
  return getDb().user.findFirst({
    where: {
      id: claims.userId,
      sessionVersion: claims.sessionVersion,
      ...(claims.sessionId ? { revokedSessions: { none: { id: claims.sessionId } } } : {}),
    },
    select: { id: true, email: true, name: true, locale: true },
  });
}

/** The same token under a new session version: what a password change hands back to the session that made it. */
export async function reissueSessionToken(claims: SessionClaims, sessionVersion: number): Promise<string> {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set');
  return encode({ token: { ...claims.token, sv: sessionVersion }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}

/** Parses a Cookie header (the socket handshake's). */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    try {
      result.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      // A malformed percent escape: not a cookie of ours.
    }
  }
  return result;
}
