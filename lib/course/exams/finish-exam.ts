import 'server-only';
import { closeExamSession } from '@/lib/course/exams/close-exam-session';
import type { TStudentExam } from '@/lib/course/exams/exam-schemas';
import { findStudentExam, SESSION_SELECT } from '@/lib/course/exams/find-student-exam';
import { getStudentExam, lockExamSession } from '@/lib/course/exams/get-student-exam';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';

const NOT_STARTED = { ko: '시작하지 않은 시험은 제출할 수 없습니다.', en: 'You have not begun this exam.' };

/** The student hands in their exam (idempotent: an ended exam stays as it ended, timed out or not). */
export async function finishExam({ userId, examId, locale, now = new Date() }: { userId: string; examId: string; locale: Locale; now?: Date }): Promise<TStudentExam> {
  const { exam, extraMinutes, session } = await findStudentExam(getDb(), { userId, examId, locale });
  if (!session) throw new AppError('CONFLICT', NOT_STARTED[locale], { reason: 'exam-not-started' });
  await getDb().$transaction(async (tx) => {
    await lockExamSession(tx, session.id);
    const current = await tx.examSession.findUniqueOrThrow({ where: { id: session.id }, select: SESSION_SELECT });
    await closeExamSession(tx, { exam, session: current, extraMinutes, now, isSubmit: true });
  });
  return getStudentExam({ userId, examId, locale, now });
}
