import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { ZId } from '@/lib/validation/text';
import { getRun } from '@/lib/training/runs/get-run';

const ZCompareQuery = z.object({ a: ZId, b: ZId });

/** Two runs side by side: GET /api/training/compare?a=<runId>&b=<runId>. */
export const GET = handleRoute(async (request) => {
  const user = await requireUser();
  const { a, b } = ZCompareQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [left, right] = await Promise.all([getRun({ userId: user.id, runId: a }), getRun({ userId: user.id, runId: b })]);
  return NextResponse.json({ a: left, b: right });
});
