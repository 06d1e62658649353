import 'server-only';
import { examPhase } from '@/lib/course/exams/exam-rules';
import type { TStudentExam } from '@/lib/course/exams/exam-schemas';
import { findStudentExam } from '@/lib/course/exams/find-student-exam';
import { getStudentExam } from '@/lib/course/exams/get-student-exam';
import { getDb } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';

const M = {
  notOpen: { ko: '시험이 아직 열리지 않았습니다.', en: 'The exam has not opened yet.' },
  closed: { ko: '시험 기간이 끝났습니다.', en: 'The exam window has closed.' },
};

/**
 * Begins the student's exam after they accept the honour code: stores startedAt once. Beginning
 * again (a reload, a second tab, another device) returns the same session, so the timer never restarts.
 */
export async function startExam({ userId, examId, locale, now = new Date() }: { userId: string; examId: string; locale: Locale; now?: Date }): Promise<TStudentExam> {
  const { exam, extraMinutes, session } = await findStudentExam(getDb(), { userId, examId, locale });
  if (!session) {
    const phase = examPhase(exam, now, extraMinutes);
    if (phase === 'NOT_OPEN') throw new AppError('CONFLICT', M.notOpen[locale], { reason: 'exam-not-open' });
    if (phase !== 'OPEN') throw new AppError('CONFLICT', M.closed[locale], { reason: 'exam-closed' });
    try {
      await getDb().examSession.create({ data: { examId, userId, startedAt: now, honourAcceptedAt: now } });
    } catch (error) {
      // Another tab began it a moment ago: that start stands.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return getStudentExam({ userId, examId, locale, now });
}
