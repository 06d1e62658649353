import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZExamParams } from '@/lib/course/exams/exam-schemas';
import { getExamResults } from '@/lib/course/exams/get-exam-results';
import { handleRoute } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ examId: string }> };

/** Every student's status and score and per-question statistics (instructors). */
export const GET = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { examId } = ZExamParams.parse(await params);
  return NextResponse.json(await getExamResults({ actorId: user.id, examId, locale: await getLocale() }));
});
