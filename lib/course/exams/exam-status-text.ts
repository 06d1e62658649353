import type { StudentExamStatus } from '@/lib/course/exams/exam-rules';
import type { Localized } from '@/lib/i18n/locales';

// A student's exam status in words (client-safe): the exam pages, the dashboard and the gradebook CSV.
export const EXAM_STATUS_TEXT: Record<StudentExamStatus, Localized> = {
  NOT_STARTED: { ko: '시작 전', en: 'Not started' },
  IN_PROGRESS: { ko: '응시 중', en: 'In progress' },
  SUBMITTED: { ko: '제출함', en: 'Submitted' },
  TIMED_OUT: { ko: '시간 종료 (자동 제출)', en: 'Timed out (submitted automatically)' },
};
