import type { Localized } from '@/lib/i18n/locales';

// Labels shared by the exam pages (client-safe).

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
