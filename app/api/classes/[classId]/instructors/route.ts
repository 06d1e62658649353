import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { addCoInstructor } from '@/lib/classes/add-co-instructor';
import { ZAddInstructor, ZClassParams } from '@/lib/classes/class-schemas';
import { handleRoute, readJson } from '@/lib/http/handle-route';

/** Adds an existing account as a co-instructor (instructors). */
export const POST = handleRoute(async (request, { params }: { params: Promise<{ classId: string }> }) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const { email } = await readJson(request, ZAddInstructor, 1024);
  return NextResponse.json(await addCoInstructor({ actorId: user.id, classId, email }));
});
