'use client';

import { MASTERY_LEVELS, type MasteryLevel } from '@/lib/course/mastery/bkt';
import type { Locale } from '@/lib/i18n/locales';
import { LEVEL_SHORT, LEVEL_TEXT } from './course-text';
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

const TEXT = { student: { ko: '학생', en: 'Student' } };


/** The students × skills table; the column header names the skill, the cell's title gives P and attempts. */
export function MasteryHeatmapGrid({ skills, rows, locale }: { skills: { typeId: string; title: string }[]; rows: CompactHeatmapRow[]; locale: Locale }) {
  return (
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
        {rows.map((row) => (
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
  );
}
