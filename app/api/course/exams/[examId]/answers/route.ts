import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZExamAnswer, ZExamParams } from '@/lib/course/exams/exam-schemas';
import { submitExamAnswer } from '@/lib/course/exams/submit-exam-answer';
import { MAX_SUBMIT_BYTES } from '@/lib/exercises/schemas';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';
import { createRateLimiter } from '@/lib/rate-limit';

type Context = { params: Promise<{ examId: string }> };

// An exam has at most 18 questions × 5 attempts; this only stops a script.
const answerLimiter = createRateLimiter({ name: 'exam-answer', points: 30, durationSeconds: 60 });

/** Grades `{ typeId, answer, clientSubmissionId }` against the student's exam variant; a repeated id returns the first result. */
export const POST = handleRoute(async (request, { params }: Context) => {
  const user = await requireUser();
  await answerLimiter.consume(user.id);
  const { examId } = ZExamParams.parse(await params);
  const body = await readJson(request, ZExamAnswer, MAX_SUBMIT_BYTES);
  const result = await submitExamAnswer({ userId: user.id, examId, ...body, locale: await getLocale() });
  return NextResponse.json(result, { headers: { 'Cache-Control': 'private, no-store' } });
});
