import type { MasteryLevel } from '@/lib/course/mastery/bkt';
import type { Localized } from '@/lib/i18n/locales';

// Labels shared by the course layer's pages (client-safe: no server imports).

export const LEVEL_TEXT: Record<MasteryLevel, Localized> = {
  NOT_STARTED: { ko: '시작 전', en: 'Not started' },
  ATTEMPTED: { ko: '시도함', en: 'Attempted' },
  FAMILIAR: { ko: '익숙함', en: 'Familiar' },
  PROFICIENT: { ko: '능숙함', en: 'Proficient' },
  MASTERED: { ko: '숙달', en: 'Mastered' },
};

/** One-letter code for dense tables (heatmap cells); the full label goes in the title and legend. */
export const LEVEL_SHORT: Record<MasteryLevel, string> = { NOT_STARTED: '·', ATTEMPTED: 'A', FAMILIAR: 'F', PROFICIENT: 'P', MASTERED: 'M' };
