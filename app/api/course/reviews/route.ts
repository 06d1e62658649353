import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { getReviewQueue } from '@/lib/course/review/get-review-queue';
import { handleRoute } from '@/lib/http/handle-route';

/** The signed-in student's review queue: skills due now, how many are due today, the next due time. */
export const GET = handleRoute(async () => {
  const user = await requireUser();
  return NextResponse.json(await getReviewQueue(user.id));
});
