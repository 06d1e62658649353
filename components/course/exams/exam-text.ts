import type { StudentExamStatus } from '@/lib/course/exams/exam-rules';
import type { Localized } from '@/lib/i18n/locales';

// Labels shared by the exam pages (client-safe).

export const EXAM_STATUS_TEXT: Record<StudentExamStatus, Localized> = {
  NOT_STARTED: { ko: '시작 전', en: 'Not started' },
  IN_PROGRESS: { ko: '응시 중', en: 'In progress' },
  SUBMITTED: { ko: '제출함', en: 'Submitted' },
  TIMED_OUT: { ko: '시간 종료 (자동 제출)', en: 'Timed out (submitted automatically)' },
};

export const FEEDBACK_TEXT: Record<'IMMEDIATE' | 'ON_RELEASE', Localized> = {
  IMMEDIATE: { ko: '답을 낼 때마다 채점 결과를 바로 봅니다.', en: 'Each answer’s grading is shown right away.' },
  ON_RELEASE: { ko: '채점 결과는 교수자가 공개한 뒤에 봅니다.', en: 'Grading is shown once the instructor releases the results.' },
};

/** `mm:ss`, or `h:mm:ss` from an hour up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(hours > 0 ? 2 : 1, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
