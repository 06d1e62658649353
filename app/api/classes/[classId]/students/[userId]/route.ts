import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZMemberParams } from '@/lib/classes/class-schemas';
import { getStudentRecord } from '@/lib/gradebook/get-student-record';
import { handleRoute } from '@/lib/http/handle-route';

/** One student's attempts and best scores: for the class's instructors and the student only. */
export const GET = handleRoute(async (_request, { params }: { params: Promise<{ classId: string; userId: string }> }) => {
  const user = await requireUser();
  const { classId, userId } = ZMemberParams.parse(await params);
  return NextResponse.json(await getStudentRecord({ actorId: user.id, classId, studentId: userId }));
});
