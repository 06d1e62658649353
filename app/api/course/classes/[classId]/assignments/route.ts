import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { ZAssignmentInput } from '@/lib/course/assignments/assignment-schemas';
import { listClassAssignments } from '@/lib/course/assignments/list-class-assignments';
import { createAssignment } from '@/lib/course/assignments/save-assignment';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ classId: string }> };

/** The class's assignments with every student's status and score (instructors). */
export const GET = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  return NextResponse.json(await listClassAssignments({ actorId: user.id, classId }));
});

/** Creates an assignment (instructors); dates are wall-clock times in the class's time zone. */
export const POST = handleRoute(async (request, { params }: Context) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const input = await readJson(request, ZAssignmentInput);
  return NextResponse.json(await createAssignment({ actorId: user.id, classId, input, locale: await getLocale() }), { status: 201 });
});
