import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZClassParams } from '@/lib/classes/class-schemas';
import { ZExamInput } from '@/lib/course/exams/exam-schemas';
import { listClassExams } from '@/lib/course/exams/list-exams';
import { createExam } from '@/lib/course/exams/save-exam';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ classId: string }> };

/** The class's exams (instructors). */
export const GET = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  return NextResponse.json({ exams: await listClassExams({ actorId: user.id, classId }) });
});

/** Creates an exam (instructors); the window is in the class's time zone. */
export const POST = handleRoute(async (request, { params }: Context) => {
  const user = await requireUser();
  const { classId } = ZClassParams.parse(await params);
  const input = await readJson(request, ZExamInput);
  return NextResponse.json(await createExam({ actorId: user.id, classId, input, locale: await getLocale() }), { status: 201 });
});
