import type { Localized } from '@/lib/i18n/locales';

/** The pager's words, shared by the browser-side pager (the heatmap) and the link pager (gradebook, assignments). */
export const PAGER_TEXT = {
  range: { ko: '학생 {from}–{to} / {total}명', en: 'Students {from}–{to} of {total}' },
  previous: { ko: '← 이전', en: '← Previous' },
  next: { ko: '다음 →', en: 'Next →' },
} satisfies Record<string, Localized>;
