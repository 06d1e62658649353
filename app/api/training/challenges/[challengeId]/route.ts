import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { getChallengeLeaderboard } from '@/lib/training/challenges/get-challenge-leaderboard';

/** The challenge and its leaderboard (members of its class only). Entries are made over socket.io (challenge:submit). */
export const GET = handleRoute(async (_request, { params }: { params: Promise<{ challengeId: string }> }) => {
  const user = await requireUser();
  const { challengeId } = await params;
  return NextResponse.json(await getChallengeLeaderboard({ userId: user.id, challengeId }));
});
