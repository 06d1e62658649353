import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZUnitId } from '@/lib/content/unit-schema';
import { handleRoute } from '@/lib/http/handle-route';
import { markUnitRead } from '@/lib/progress/mark-unit-read';

interface Context {
  params: Promise<{ unitId: string }>;
}

/** Marks the unit read for the signed-in student (idempotent). No body. */
export const POST = handleRoute(async (_request, { params }: Context) => {
  const unitId = ZUnitId.parse((await params).unitId);
  const user = await requireUser();
  return NextResponse.json(await markUnitRead({ userId: user.id, unitId }));
});
