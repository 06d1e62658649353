import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { handleRoute } from '@/lib/http/handle-route';
import { getClassLeaderboard } from '@/lib/leaderboard/get-class-leaderboard';
import { parseBoardParam } from '@/lib/leaderboard/leaderboard-scope';

/** The class leaderboard: ?board=all (default), week, or a unit id. Members only. */
export const GET = handleRoute(async (request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const scope = parseBoardParam(new URL(request.url).searchParams.get('board'));
  return NextResponse.json(await getClassLeaderboard({ actorId: user.id, classId, scope }));
});
