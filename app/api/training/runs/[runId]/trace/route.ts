import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { traceLimiter } from '@/lib/training/trace/trace-limiter';
import { MAX_TRACE_BODY_BYTES, ZTraceRequest } from '@/lib/training/trace/trace-schemas';
import { traceRun } from '@/lib/training/trace/trace-run';

type Context = { params: Promise<{ runId: string }> };

/** The trained Transformer's forward and backward pass on `{ text, target? }`, every step kept. */
export const POST = handleRoute(async (request: Request, { params }: Context) => {
  const { runId } = await params;
  const user = await requireUser();
  await traceLimiter.consume(user.id);
  const body = await readJson(request, ZTraceRequest, MAX_TRACE_BODY_BYTES);
  return NextResponse.json(await traceRun({ userId: user.id, runId, ...body }), { headers: { 'Cache-Control': 'private, no-store' } });
});
