import type { Locale, Localized } from '@/lib/i18n/locales';
import styles from '@/components/exercises/difficulty.module.css';

const LABEL: Localized = { ko: '난이도', en: 'Difficulty' };

/** "Difficulty: ●●○" — the dots for the eye, "2 / 3" for a screen reader. */
export function Difficulty({ level, locale }: { level: number; locale: Locale }) {
  return (
    <span className={styles.difficulty}>
      {LABEL[locale]}: <span aria-hidden="true" className={styles.dots}>{'●'.repeat(level)}{'○'.repeat(3 - level)}</span>
      <span className={styles.visuallyHidden}>{level} / 3</span>
    </span>
  );
}
