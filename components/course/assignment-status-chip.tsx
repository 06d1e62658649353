import type { AssignmentStatus } from '@/lib/course/assignments/evaluate-assignment';
import { STATUS_TEXT } from '@/lib/course/assignments/assignment-status-text';
import type { Locale } from '@/lib/i18n/locales';
import styles from './course.module.css';

const LEVEL_STYLE: Record<AssignmentStatus, string> = {
  UPCOMING: styles.NOT_STARTED,
  NOT_STARTED: styles.NOT_STARTED,
  IN_PROGRESS: styles.FAMILIAR,
  DONE: styles.MASTERED,
  DONE_LATE: styles.PROFICIENT,
  LATE: styles.FAMILIAR,
  MISSED: styles.ATTEMPTED,
};

export function AssignmentStatusChip({ status, locale }: { status: AssignmentStatus; locale: Locale }) {
  return (
    <span className={`${styles.chip} ${LEVEL_STYLE[status]}`} data-status={status}>
      {STATUS_TEXT[status][locale]}
    </span>
  );
}
