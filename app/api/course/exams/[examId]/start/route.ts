import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZExamParams, ZStartExam } from '@/lib/course/exams/exam-schemas';
import { startExam } from '@/lib/course/exams/start-exam';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ examId: string }> };

/** Begins the exam once the honour code is accepted; again, it returns the same session (the timer never restarts). */
export const POST = handleRoute(async (request, { params }: Context) => {
  const user = await requireUser();
  const { examId } = ZExamParams.parse(await params);
  await readJson(request, ZStartExam);
  return NextResponse.json(await startExam({ userId: user.id, examId, locale: await getLocale() }), { headers: { 'Cache-Control': 'private, no-store' } });
});
