import type { AssignmentStatus } from '@/lib/course/assignments/evaluate-assignment';
import { studentTableHref, type StudentPageInfo, type StudentTableView } from '@/lib/gradebook/student-table-view';
import { formatPercent } from '@/lib/i18n/format';
import { SortHeading } from '@/components/ui/sort-heading';
import { StudentPageLinks } from '@/components/ui/student-page-links';
import type { Locale } from '@/lib/i18n/locales';
import styles from './course.module.css';

const TEXT = {
  student: { ko: '학생', en: 'Student' },
  late: { ko: '지각', en: 'late' },
  pages: { ko: '과제 성적 페이지', en: 'Assignment grade pages' },
  table: { ko: '학생별 과제 성적', en: 'Assignment grades per student' },
};

export interface AssignmentGradeColumn {
  id: string;
  title: string;
}

export interface AssignmentGradeRow {
  userId: string;
  name: string;
  /** Per assignment id: score after the late penalty in [0, 1], status, and whether late work made it. */
  cells: Record<string, { score: number; status: AssignmentStatus; isLate: boolean }>;
}

export interface AssignmentsGradebookProps {
  locale: Locale;
  /** Where the table is (its heading and pager links keep to it). */
  path: string;
  columns: AssignmentGradeColumn[];
  /** The page's rows (pageAssignmentGrades: sorted and paged on the server). */
  rows: AssignmentGradeRow[];
  view: StudentTableView;
  info: StudentPageInfo;
}

/** Students × assignments, sorted by name or by any assignment's score (the heading links), 50 students a page. */
export function AssignmentsGradebook({ locale, path, columns, rows, view, info }: AssignmentsGradebookProps) {
  const hrefOf = (next: StudentTableView) => studentTableHref(path, next);
  return (
    <>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={TEXT.table[locale]} data-testid="assignments-gradebook">
        <table>
          <thead>
            <tr>
              <SortHeading view={view} column={{ kind: 'name' }} hrefOf={hrefOf} label={TEXT.student[locale]} className={styles.sticky} />
              {columns.map((column) => (
                <SortHeading key={column.id} view={view} column={{ kind: 'assignment', id: column.id }} hrefOf={hrefOf} label={column.title} className={styles.numeric} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.userId} data-user={row.userId}>
                <th scope="row" className={styles.sticky}>{row.name}</th>
                {columns.map((column) => {
                  const cell = row.cells[column.id];
                  return (
                    <td key={column.id} className={styles.numeric} data-status={cell?.status}>
                      {formatPercent(cell?.score)}
                      {cell?.isLate && <span className="muted"> ({TEXT.late[locale]})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StudentPageLinks info={info} hrefOf={(page) => hrefOf({ ...view, page })} locale={locale} label={TEXT.pages[locale]} testId="assignments-pager" />
    </>
  );
}
