'use client';

import { MASTERY_LEVELS, type MasteryLevel } from '@/lib/course/mastery/bkt';
import type { Locale } from '@/lib/i18n/locales';
import { LEVEL_SHORT, LEVEL_TEXT } from './course-text';
import { StudentPager, useStudentPage } from '@/components/ui/student-pager';
import styles from './course.module.css';

/**
 * One heatmap row in a compact form: for 500 students × 18 skills the page would otherwise carry
 * every cell twice (HTML and the server-component payload), several megabytes. `levels` holds each
 * cell's index in MASTERY_LEVELS as a digit; `p` is P(known) in hundredths (-1: none); `n` attempts.
 */
export interface CompactHeatmapRow {
  userId: string;
  name: string;
  levels: string;
  p: number[];
  n: number[];
}

const TEXT = { student: { ko: '학생', en: 'Student' }, pages: { ko: '숙달도 표 페이지', en: 'Heatmap pages' } };


/**
 * The students × skills table, 50 students a page; the column header names the skill, the cell's
 * title gives P and attempts. Scrolls sideways inside its own box (labelled by `labelledBy`).
 */
export function MasteryHeatmapGrid({ skills, rows, locale, labelledBy }: { skills: { typeId: string; title: string }[]; rows: CompactHeatmapRow[]; locale: Locale; labelledBy: string }) {
  const pager = useStudentPage(rows);
  return (
    <>
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby={labelledBy}>
        <table className={styles.heatmap}>
          <thead>
            <tr>
              <th scope="col" className={styles.sticky}>{TEXT.student[locale]}</th>
              {skills.map((skill) => (
                <th key={skill.typeId} scope="col" title={skill.title}>{skill.title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pager.shown.map((row) => (
              <tr key={row.userId} data-user={row.userId}>
                <th scope="row" className={styles.sticky}>{row.name}</th>
                {skills.map((skill, index) => {
                  const level: MasteryLevel = MASTERY_LEVELS[Number(row.levels[index])] ?? 'NOT_STARTED';
                  const p = row.p[index];
                  return (
                    <td key={index} className={styles[level]} title={p < 0 ? LEVEL_TEXT[level][locale] : `${LEVEL_TEXT[level][locale]} · P ${(p / 100).toFixed(2)} · ${row.n[index]}`}>
                      {LEVEL_SHORT[level]}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StudentPager pager={pager} locale={locale} label={TEXT.pages[locale]} testId="heatmap-pager" />
    </>
  );
}
