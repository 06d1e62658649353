import 'server-only';
import { getServerSession } from 'next-auth';
import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/db';
import { getAuthOptions } from '@/lib/auth/auth-options';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** The signed-in user, or null. The user must still exist: a deleted account's cookie is not a session. */
export async function getOptionalUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, locale: true } });
}

/** The signed-in user; throws 401 when there is none (no session, expired, or account gone). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getOptionalUser();
  if (!user) throw new AppError('UNAUTHORIZED', 'Please sign in (your session may have expired).');
  return user;
}
