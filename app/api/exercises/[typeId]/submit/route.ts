import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';
import { createRateLimiter } from '@/lib/rate-limit';
import { MAX_SUBMIT_BYTES, ZSubmitAnswer } from '@/lib/exercises/schemas';
import { submitAttempt } from '@/lib/exercises/submit-attempt';

type Context = { params: Promise<{ typeId: string }> };

// Far above what a person types (three attempts a variant), low enough to stop a script.
const submitLimiter = createRateLimiter({ name: 'exercise-submit', points: 30, durationSeconds: 60 });

/** Grades `{ answer, round, clientSubmissionId }` and stores it as an attempt; a repeated id returns the first result. */
export const POST = handleRoute(async (request: Request, { params }: Context) => {
  const { typeId } = await params;
  const user = await requireUser();
  await submitLimiter.consume(user.id);
  const body = await readJson(request, ZSubmitAnswer, MAX_SUBMIT_BYTES);
  // getLocale() without the cookie would look the user up a second time; we already have them.
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : isLocale(user.locale) ? user.locale : 'ko';
  const { result, isReplay } = await submitAttempt({ userId: user.id, typeId, ...body, locale });
  // A private, never-cached result. no-transform also skips gzip, which for a ~2 KB answer costs
  // more server CPU (a fresh deflate stream per response) than it saves on a classroom network.
  const headers: Record<string, string> = { 'Cache-Control': 'private, no-store, no-transform' };
  if (isReplay) headers['Idempotent-Replayed'] = 'true';
  return NextResponse.json(result, { headers });
});
