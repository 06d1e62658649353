import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZUnitId } from '@/lib/content/unit-schema';
import { handleRoute } from '@/lib/http/handle-route';
import { getUnitProgress } from '@/lib/progress/get-unit-progress';

interface Context {
  params: Promise<{ unitId: string }>;
}

/** The signed-in student's own progress on a unit: read flag, and per exercise best score and attempt count. */
export const GET = handleRoute(async (_request, { params }: Context) => {
  const unitId = ZUnitId.parse((await params).unitId);
  const user = await requireUser();
  return NextResponse.json(await getUnitProgress({ userId: user.id, unitId }), { headers: { 'cache-control': 'private, no-store' } });
});
