import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { getGradebook } from '@/lib/gradebook/get-gradebook';
import { handleRoute } from '@/lib/http/handle-route';

/** Students × exercises with best scores and per-exercise statistics (instructors). */
export const GET = handleRoute(async (_request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  return NextResponse.json(await getGradebook({ actorId: user.id, classId }));
});
