import { NextResponse } from 'next/server';
import { readClientIp } from '@/lib/accounts/read-client-ip';
import { getOptionalUser } from '@/lib/auth/require-user';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { notFoundAnswerOf } from '@/lib/http/not-found-answer';
import { joinLiveSession } from '@/lib/live/state/join-live-session';
import { ZJoinLiveSession } from '@/lib/live/protocol/live-schemas';
import type { TJoinAnswer } from '@/lib/live/protocol/live-payloads';
import { createRateLimiter } from '@/lib/rate-limit';

// Wrong PINs are limited per address (a whole classroom may share one, hence the generous limit):
// 10⁶ PINs cannot be walked through at 60 guesses a minute. A PIN the caller may not join answers
// and counts exactly as a wrong one (joinLiveSession's noSessionForPin), so probing finds nothing.
const wrongPins = createRateLimiter({ name: 'live-wrong-pin', points: 60, durationSeconds: 60 });

/**
 * Joins by PIN. A guest gets a token here, once; it is their identity on the socket from then on.
 * A wrong PIN is the user's mistake, not a failed request: it is a 200 `{ found: false }` (a 404
 * would be logged by the browser as a failed resource); every other refusal stays an error.
 */
export const POST = handleRoute(async (request: Request) => {
  const address = readClientIp(request.headers);
  const input = await readJson(request, ZJoinLiveSession, 4 * 1024);
  const user = await getOptionalUser();
  try {
    const joined = await joinLiveSession({ input, userId: user?.id ?? null });
    return NextResponse.json({ found: true, ...joined } satisfies TJoinAnswer);
  } catch (error) {
    const notFound = notFoundAnswerOf(error, 'session-not-found');
    if (!notFound) throw error;
    await wrongPins.consume(address);
    return NextResponse.json(notFound satisfies TJoinAnswer);
  }
});
