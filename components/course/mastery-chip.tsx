import type { MasteryLevel } from '@/lib/course/mastery/bkt';
import type { Locale } from '@/lib/i18n/locales';
import { LEVEL_TEXT } from './course-text';
import styles from './course.module.css';

export function MasteryChip({ level, locale }: { level: MasteryLevel; locale: Locale }) {
  return (
    <span className={`${styles.chip} ${styles[level]}`} data-level={level}>
      {LEVEL_TEXT[level][locale]}
    </span>
  );
}
