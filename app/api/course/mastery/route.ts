import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { getMyMastery } from '@/lib/course/mastery/get-my-mastery';
import { handleRoute } from '@/lib/http/handle-route';

/** The signed-in student's mastery of every skill they attempted. */
export const GET = handleRoute(async () => {
  const user = await requireUser();
  return NextResponse.json({ skills: [...(await getMyMastery(user.id)).values()] });
});
