import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZExamExtension, ZExamParams } from '@/lib/course/exams/exam-schemas';
import { setExamExtension } from '@/lib/course/exams/save-exam';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ examId: string }> };

/** Sets one student's extra minutes (instructors); 0 removes the extension. */
export const PUT = handleRoute(async (request, { params }: Context) => {
  const user = await requireUser();
  const { examId } = ZExamParams.parse(await params);
  const { userId, extraMinutes } = await readJson(request, ZExamExtension);
  return NextResponse.json(await setExamExtension({ actorId: user.id, examId, userId, extraMinutes, locale: await getLocale() }));
});
