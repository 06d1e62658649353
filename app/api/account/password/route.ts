import { NextResponse } from 'next/server';
import { ZChangePassword } from '@/lib/accounts/change-password-schema';
import { changePassword } from '@/lib/auth/change-password';
import { requireSession } from '@/lib/auth/require-user';
import { setSessionCookie } from '@/lib/auth/session-cookie';
import { reissueSessionToken } from '@/lib/auth/session-token';
import { handleRoute, readJson } from '@/lib/http/handle-route';

/** Changes the password; every other session ends, this one gets a token under the new session version. */
export const POST = handleRoute(async (request) => {
  const { user, claims } = await requireSession();
  const input = await readJson(request, ZChangePassword, 4 * 1024);
  const { sessionVersion } = await changePassword({ ...input, userId: user.id, sessionId: claims.sessionId });
  const response = NextResponse.json({ ok: true });
  setSessionCookie(response, claims, await reissueSessionToken(claims, sessionVersion));
  return response;
});
