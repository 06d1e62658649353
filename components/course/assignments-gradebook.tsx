'use client';

import { useMemo, useState } from 'react';
import type { AssignmentStatus } from '@/lib/course/assignments/evaluate-assignment';
import { compareText, formatPercent } from '@/lib/i18n/format';
import { StudentPager, useStudentPage } from '@/components/ui/student-pager';
import type { Locale } from '@/lib/i18n/locales';
import styles from './course.module.css';

const TEXT = {
  student: { ko: '학생', en: 'Student' },
  late: { ko: '지각', en: 'late' },
  sort: { ko: '정렬', en: 'Sort' },
  pages: { ko: '과제 성적 페이지', en: 'Assignment grade pages' },
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

/** Students × assignments, sortable by name or by any assignment's score (click the header), 50 students a page. */
export function AssignmentsGradebook({ locale, columns, rows }: { locale: Locale; columns: AssignmentGradeColumn[]; rows: AssignmentGradeRow[] }) {
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'name', descending: false });
  const sorted = useMemo(() => {
    const compare = compareText(locale);
    return [...rows].sort((a, b) => {
      const order = sort.key === 'name' ? compare(a.name, b.name) : (a.cells[sort.key]?.score ?? 0) - (b.cells[sort.key]?.score ?? 0);
      return sort.descending ? -order : order;
    });
  }, [rows, sort, locale]);
  const pager = useStudentPage(sorted);
  const toggle = (key: string) => {
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : key !== 'name' }));
    pager.setPage(0);
  };
  const ariaSort = (key: string) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  return (
    <>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="assignments" data-testid="assignments-gradebook">
        <table>
          <thead>
            <tr>
              <th scope="col" className={styles.sticky} aria-sort={ariaSort('name')}>
                <button type="button" className={styles.sortButton} onClick={() => toggle('name')}>{TEXT.student[locale]}</button>
              </th>
              {columns.map((column) => (
                <th key={column.id} scope="col" className={styles.numeric} aria-sort={ariaSort(column.id)}>
                  <button type="button" className={styles.sortButton} onClick={() => toggle(column.id)}>{column.title}</button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pager.shown.map((row) => (
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
      <StudentPager pager={pager} locale={locale} label={TEXT.pages[locale]} testId="assignments-pager" />
    </>
  );
}
