import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { clearSessionCookies } from '@/lib/auth/session-cookie';
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';
import { handleRoute } from '@/lib/http/handle-route';

/** Ends every session of the user on every device, this one included. */
export const POST = handleRoute(async () => {
  const user = await requireUser();
  await signOutEverywhere(user.id);
  const response = NextResponse.json({ ok: true });
  clearSessionCookies(response);
  return response;
});
