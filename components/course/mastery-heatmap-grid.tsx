import type { HeatmapRow } from '@/lib/course/mastery/get-class-mastery';
import { studentTableHref, type SortColumn, type StudentPageInfo, type StudentTableView } from '@/lib/gradebook/student-table-view';
import type { Locale } from '@/lib/i18n/locales';
import { LEVEL_SHORT, LEVEL_TEXT } from './course-text';
import { SortHeading } from '@/components/ui/sort-heading';
import { StudentPageLinks } from '@/components/ui/student-page-links';
import styles from './course.module.css';

const TEXT = { student: { ko: '학생', en: 'Student' }, pages: { ko: '숙달도 표 페이지', en: 'Heatmap pages' } };

export interface MasteryHeatmapGridProps {
  skills: { typeId: string; title: string }[];
  /** One page of students, in the view's order (pageHeatmap). */
  rows: HeatmapRow[];
  view: StudentTableView;
  info: StudentPageInfo;
  /** The page's path, for the sort and page links. */
  path: string;
  locale: Locale;
  labelledBy: string;
}

/**
 * The students × skills table, 50 students a page, sorted and paged on the server: the student and
 * skill headings are sort links (a skill sorts by P(known)), the cell's title gives P and attempts.
 * Scrolls sideways inside its own box (labelled by `labelledBy`).
 */
export function MasteryHeatmapGrid({ skills, rows, view, info, path, locale, labelledBy }: MasteryHeatmapGridProps) {
  const hrefOf = (next: StudentTableView) => studentTableHref(path, next);
  const heading = (column: SortColumn, label: string, className?: string) => <SortHeading view={view} column={column} hrefOf={hrefOf} label={label} className={className} />;
  return (
    <>
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby={labelledBy}>
        <table className={styles.heatmap}>
          <thead>
            <tr>
              {heading({ kind: 'name' }, TEXT.student[locale], styles.sticky)}
              {skills.map((skill) => heading({ kind: 'exercise', id: skill.typeId }, skill.title))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.userId} data-user={row.userId}>
                <th scope="row" className={styles.sticky}>{row.name}</th>
                {row.cells.map((cell, index) => (
                  <td key={skills[index].typeId} className={styles[cell.level]} title={cell.pKnown === null ? LEVEL_TEXT[cell.level][locale] : `${LEVEL_TEXT[cell.level][locale]} · P ${cell.pKnown.toFixed(2)} · ${cell.attempts}`}>
                    {LEVEL_SHORT[cell.level]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StudentPageLinks info={info} hrefOf={(page) => hrefOf({ ...view, page })} locale={locale} label={TEXT.pages[locale]} testId="heatmap-pager" />
    </>
  );
}
