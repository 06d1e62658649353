import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { getRun } from '@/lib/training/runs/get-run';

/** One run with its configuration, curve and latest picture (own runs and challenge entries of the user's classes). */
export const GET = handleRoute(async (_request, { params }: { params: Promise<{ runId: string }> }) => {
  const user = await requireUser();
  const { runId } = await params;
  return NextResponse.json({ run: await getRun({ userId: user.id, runId }) });
});
