import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { findLiveSessionResults } from '@/lib/live/views/find-live-session-results';
import { requireLiveHost } from '@/lib/live/state/require-live-host';

/** The stored results of a session, for its host and the class's instructors (gradebook, CSV). */
export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ sessionId: string }> }) => {
  const user = await requireUser();
  const { sessionId } = await params;
  await requireLiveHost(sessionId, user.id);
  return NextResponse.json(await findLiveSessionResults(sessionId));
});
