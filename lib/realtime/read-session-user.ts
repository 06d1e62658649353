import { decode } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';

const COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The user id in a next-auth session cookie header, or null (no cookie, bad signature, expired). */
export async function readSessionUserId(cookieHeader: string | undefined): Promise<string | null> {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (!cookieHeader || !secret) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of COOKIE_NAMES) {
    const token = cookies.get(name);
    if (!token) continue;
    const payload = await decode({ token, secret }).catch(() => null);
    if (payload?.sub && (typeof payload.exp !== 'number' || payload.exp * 1000 > Date.now())) return payload.sub;
  }
  return null;
}

function parseCookies(header: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    result.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return result;
}
