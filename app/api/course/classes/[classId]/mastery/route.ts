import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { getClassMastery } from '@/lib/course/mastery/get-class-mastery';
import { getClassMisconceptions } from '@/lib/course/mastery/get-class-misconceptions';
import { handleRoute } from '@/lib/http/handle-route';

/** Students × skills mastery heatmap and the misconception table of a class (instructors). */
export const GET = handleRoute(async (_request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const [mastery, misconceptions] = await Promise.all([getClassMastery({ actorId: user.id, classId }), getClassMisconceptions({ actorId: user.id, classId })]);
  return NextResponse.json({ ...mastery, misconceptions });
});
