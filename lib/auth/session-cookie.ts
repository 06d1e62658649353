import 'server-only';
import type { NextResponse } from 'next/server';
import { SESSION_COOKIE_NAMES, SESSION_MAX_AGE_SECONDS, type SessionClaims } from '@/lib/auth/session-token';

// The cookie as next-auth sets it (httpOnly, SameSite=Lax, path /, Secure under the __Secure- name).

/** Puts a re-issued token into the cookie the old one came from. */
export function setSessionCookie(response: NextResponse, claims: SessionClaims, token: string): void {
  response.cookies.set(claims.cookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: claims.cookieName.startsWith('__Secure-'),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Removes the session cookie under either name. */
export function clearSessionCookies(response: NextResponse): void {
  for (const name of SESSION_COOKIE_NAMES) {
    response.cookies.set(name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure: name.startsWith('__Secure-'), maxAge: 0 });
  }
}
