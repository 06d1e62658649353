import { NextResponse } from 'next/server';
import { countSignUpAttempt } from '@/lib/accounts/rate-limits';
import { readClientIp } from '@/lib/accounts/read-client-ip';
import { signUp } from '@/lib/accounts/sign-up';
import { ZSignUp } from '@/lib/accounts/sign-up-schema';
import { handleRoute, readJson } from '@/lib/http/handle-route';

/** Creates an account; the browser then signs in through next-auth with the same credentials. */
export const POST = handleRoute(async (request) => {
  // Counted before parsing, so malformed floods use up the budget too.
  await countSignUpAttempt(readClientIp(request.headers));
  const input = await readJson(request, ZSignUp, 4 * 1024);
  const user = await signUp(input);
  return NextResponse.json({ user }, { status: 201 });
});
