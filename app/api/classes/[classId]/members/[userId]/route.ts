import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZMemberParams } from '@/lib/classes/class-schemas';
import { removeMember } from '@/lib/classes/remove-member';
import { handleRoute } from '@/lib/http/handle-route';

/** Removes a member (instructors), or leaves the class (the member themself). */
export const DELETE = handleRoute(async (_request, { params }: { params: Promise<{ classId: string; userId: string }> }) => {
  const user = await requireUser();
  const { classId, userId } = ZMemberParams.parse(await params);
  await removeMember({ actorId: user.id, classId, userId });
  return NextResponse.json({ removed: true });
});
