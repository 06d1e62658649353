import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams, ZSetNickname } from '@/lib/classes/class-schemas';
import { setNickname } from '@/lib/classes/set-nickname';
import { handleRoute, readJson } from '@/lib/http/handle-route';

/** Sets the signed-in member's own nickname in the class (empty clears it). */
export const PUT = handleRoute(async (request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const { nickname } = await readJson(request, ZSetNickname, 1024);
  return NextResponse.json(await setNickname({ userId: user.id, classId, nickname }));
});
