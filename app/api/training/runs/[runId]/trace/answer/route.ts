import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { gradeTraceAnswer } from '@/lib/training/trace/grade-trace-answer';
import { traceLimiter } from '@/lib/training/trace/trace-limiter';
import { MAX_TRACE_BODY_BYTES, ZTraceAnswerRequest } from '@/lib/training/trace/trace-schemas';

type Context = { params: Promise<{ runId: string }> };

/** Grades `{ text, target?, cell, answer }` with the exercises' grader; the expected value is computed here and never sent. */
export const POST = handleRoute(async (request: Request, { params }: Context) => {
  const { runId } = await params;
  const user = await requireUser();
  await traceLimiter.consume(user.id);
  const body = await readJson(request, ZTraceAnswerRequest, MAX_TRACE_BODY_BYTES);
  return NextResponse.json(await gradeTraceAnswer({ userId: user.id, runId, ...body }), { headers: { 'Cache-Control': 'private, no-store' } });
});
