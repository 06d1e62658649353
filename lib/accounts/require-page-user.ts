import 'server-only';
import { redirect } from 'next/navigation';
import { getOptionalUser, type SessionUser } from '@/lib/auth/require-user';

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getOptionalUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
