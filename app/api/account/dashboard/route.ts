import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { getStudentDashboard } from '@/lib/dashboard/get-student-dashboard';
import { handleRoute } from '@/lib/http/handle-route';

/** The signed-in user's own progress (always their own: there is no user id to pass). */
export const GET = handleRoute(async () => {
  const user = await requireUser();
  return NextResponse.json(await getStudentDashboard(user.id));
});
