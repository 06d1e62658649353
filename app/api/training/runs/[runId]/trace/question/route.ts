import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { askTraceQuestion } from '@/lib/training/trace/ask-trace-question';
import { traceLimiter } from '@/lib/training/trace/trace-limiter';
import { MAX_TRACE_BODY_BYTES, ZTraceQuestionRequest } from '@/lib/training/trace/trace-schemas';

type Context = { params: Promise<{ runId: string }> };

/** One trace cell `{ text, target?, cell }` as a question: the prompt and its givens, never the value. */
export const POST = handleRoute(async (request: Request, { params }: Context) => {
  const { runId } = await params;
  const user = await requireUser();
  await traceLimiter.consume(user.id);
  const body = await readJson(request, ZTraceQuestionRequest, MAX_TRACE_BODY_BYTES);
  return NextResponse.json(await askTraceQuestion({ userId: user.id, runId, ...body }), { headers: { 'Cache-Control': 'private, no-store' } });
});
