import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZJoinClass, type TJoinClassAnswer } from '@/lib/classes/class-schemas';
import { joinClass } from '@/lib/classes/join-class';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { notFoundAnswerOf } from '@/lib/http/not-found-answer';

/**
 * Joins a class by its code as a student; joining again is harmless.
 * An unknown code is the user's mistake, not a failed request: it is a 200 `{ found: false }` (a 404
 * would be logged by the browser as a failed resource), still counted against the per-user join
 * limit (joinClass counts every attempt first); every other refusal (401, 400, 429) stays an error.
 */
export const POST = handleRoute(async (request) => {
  const user = await requireUser();
  const { code } = await readJson(request, ZJoinClass, 1024);
  try {
    const joined = await joinClass({ userId: user.id, code });
    return NextResponse.json({ found: true, ...joined } satisfies TJoinClassAnswer);
  } catch (error) {
    const notFound = notFoundAnswerOf(error, 'class-not-found');
    if (!notFound) throw error;
    return NextResponse.json(notFound satisfies TJoinClassAnswer);
  }
});
