import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { createLiveSession } from '@/lib/live/state/create-live-session';
import { ZCreateLiveSession } from '@/lib/live/protocol/live-schemas';

/** Creates a live session (instructors of the class only); the host screen takes it from there. */
export const POST = handleRoute(async (request: Request) => {
  const user = await requireUser();
  const input = await readJson(request, ZCreateLiveSession, 32 * 1024);
  const created = await createLiveSession({ hostId: user.id, input });
  return NextResponse.json(created, { status: 201 });
});
