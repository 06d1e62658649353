import type { Locale, Localized } from '@/lib/i18n/locales';

/** Props every figure takes: the page's language. */
export interface FigureProps {
  locale: Locale;
}

/** Texts shared by the figures' controls. */
export const COMMON_TEXT = {
  showTable: { ko: '숫자를 표로 보기', en: 'Show the numbers as a table' },
  reset: { ko: '처음 값으로', en: 'Reset' },
  previous: { ko: '이전', en: 'Previous' },
  next: { ko: '다음', en: 'Next' },
  numberRange: { ko: '{min}에서 {max} 사이의 숫자를 입력하세요.', en: 'Enter a number from {min} to {max}.' },
  kept: { ko: '그림은 마지막으로 올바른 값을 사용합니다.', en: 'The figure keeps using the last valid value.' },
} satisfies Record<string, Localized>;
