import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZAssignmentInput, ZAssignmentParams } from '@/lib/course/assignments/assignment-schemas';
import { deleteAssignment, updateAssignment } from '@/lib/course/assignments/save-assignment';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ assignmentId: string }> };

/** Replaces an assignment (instructors of its class); work already done is re-evaluated, never lost. */
export const PUT = handleRoute(async (request, { params }: Context) => {
  const user = await requireUser();
  const { assignmentId } = ZAssignmentParams.parse(await params);
  const input = await readJson(request, ZAssignmentInput);
  return NextResponse.json(await updateAssignment({ actorId: user.id, assignmentId, input, locale: await getLocale() }));
});

/** Deletes an assignment (instructors of its class); the students' attempts stay. */
export const DELETE = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { assignmentId } = ZAssignmentParams.parse(await params);
  await deleteAssignment({ actorId: user.id, assignmentId, locale: await getLocale() });
  return NextResponse.json({ deleted: true });
});
