import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { listMyAssignments } from '@/lib/course/assignments/list-my-assignments';
import { handleRoute } from '@/lib/http/handle-route';

/** The signed-in student's published assignments with status, score and item progress. */
export const GET = handleRoute(async () => {
  const user = await requireUser();
  return NextResponse.json({ assignments: await listMyAssignments(user.id) });
});
