import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/auth/require-user';
import { ZExamInput, ZExamParams } from '@/lib/course/exams/exam-schemas';
import { getStudentExam } from '@/lib/course/exams/get-student-exam';
import { deleteExam, updateExam } from '@/lib/course/exams/save-exam';
import { handleRoute, readJson } from '@/lib/http/handle-route';
import { getLocale } from '@/lib/i18n/get-locale';

type Context = { params: Promise<{ examId: string }> };

const PRIVATE = { 'Cache-Control': 'private, no-store' };

/** The student's exam by the server's clock (closed first if their time is up). */
export const GET = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { examId } = ZExamParams.parse(await params);
  return NextResponse.json(await getStudentExam({ userId: user.id, examId, locale: await getLocale() }), { headers: PRIVATE });
});

/** Replaces an exam (instructors); what graded work depends on is frozen once a student began. */
export const PUT = handleRoute(async (request, { params }: Context) => {
  const user = await requireUser();
  const { examId } = ZExamParams.parse(await params);
  const input = await readJson(request, ZExamInput);
  return NextResponse.json(await updateExam({ actorId: user.id, examId, input, locale: await getLocale() }));
});

/** Deletes an exam with its sessions and exam attempts (instructors). */
export const DELETE = handleRoute(async (_request, { params }: Context) => {
  const user = await requireUser();
  const { examId } = ZExamParams.parse(await params);
  await deleteExam({ actorId: user.id, examId, locale: await getLocale() });
  return NextResponse.json({ deleted: true });
});
