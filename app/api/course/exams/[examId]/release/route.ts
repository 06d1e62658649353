import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZExamParams } from '@/lib/course/exams/exam-schemas';
import { releaseExam } from '@/lib/course/exams/save-exam';
import { handleRoute } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ examId: string }> };

/** Releases results to the students (instructors). */
export const POST = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { examId } = ZExamParams.parse(await params);
  return NextResponse.json(await releaseExam({ actorId: user.id, examId, locale: await getLocale() }));
});
