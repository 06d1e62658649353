import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { getQuestionStats } from '@/lib/course/stats/get-question-stats';
import { ZStatsScope } from '@/lib/course/stats/stats-schemas';
import { handleRoute } from '@/lib/http/handle-route';

/** Question statistics per exercise type (instructors); `?scope=all` over every class they teach. */
export const GET = handleRoute(async (request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const scope = ZStatsScope.parse(new URL(request.url).searchParams.get('scope'));
  return NextResponse.json(await getQuestionStats({ actorId: user.id, classId, scope }));
});
