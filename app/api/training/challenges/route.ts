import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { ZCreateChallenge } from '@/lib/training/challenges/challenge-schema';
import { createChallenge } from '@/lib/training/challenges/create-challenge';
import { listChallenges } from '@/lib/training/challenges/list-challenges';

/** Challenges of the signed-in user's classes. */
export const GET = handleRoute(async () => {
  const user = await requireUser();
  return NextResponse.json({ challenges: await listChallenges({ userId: user.id }) });
});

/** An instructor opens a challenge for their class (or inside one of their live sessions). */
export const POST = handleRoute(async (request) => {
  const user = await requireUser();
  const input = await readJson(request, ZCreateChallenge, 4 * 1024);
  return NextResponse.json({ challenge: await createChallenge({ userId: user.id, input }) }, { status: 201 });
});
