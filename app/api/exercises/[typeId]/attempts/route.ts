import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { listAttempts } from '@/lib/exercises/list-attempts';

type Context = { params: Promise<{ typeId: string }> };

/** The signed-in student's own attempts on a type, newest first. There is no way to name another user. */
export const GET = handleRoute(async (_request: Request, { params }: Context) => {
  const { typeId } = await params;
  const user = await requireUser();
  return NextResponse.json({ attempts: await listAttempts({ userId: user.id, typeId }) });
});
