import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZExamParams } from '@/lib/course/exams/exam-schemas';
import { finishExam } from '@/lib/course/exams/finish-exam';
import { handleRoute } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ examId: string }> };

/** The student hands in the exam. */
export const POST = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { examId } = ZExamParams.parse(await params);
  return NextResponse.json(await finishExam({ userId: user.id, examId, locale: await getLocale() }), { headers: { 'Cache-Control': 'private, no-store' } });
});
