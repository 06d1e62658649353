import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { rotateJoinCode } from '@/lib/classes/rotate-join-code';
import { handleRoute } from '@/lib/http/handle-route';

/** Replaces the join code (instructors); the old code stops working. */
export const POST = handleRoute(async (_request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  return NextResponse.json(await rotateJoinCode({ actorId: user.id, classId }));
});
