import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { listRuns } from '@/lib/training/runs/list-runs';

// Runs start and stop over socket.io (events training:start / training:stop), where the worker
// pool lives; these routes only read the database.

/** The signed-in user's runs, newest first. */
export const GET = handleRoute(async () => {
  const user = await requireUser();
  return NextResponse.json({ runs: await listRuns({ userId: user.id }) });
});
