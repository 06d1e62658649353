import { MASTERY_LEVELS } from '@/lib/course/mastery/bkt';
import type { ClassMastery } from '@/lib/course/mastery/get-class-mastery';
import type { HeatmapPage } from '@/lib/course/mastery/page-heatmap';
import type { Locale } from '@/lib/i18n/locales';
import { LEVEL_SHORT, LEVEL_TEXT } from './course-text';
import { MasteryChip } from './mastery-chip';
import { MasteryHeatmapGrid } from './mastery-heatmap-grid';
import styles from './course.module.css';

const TEXT = {
  title: { ko: '학생 × 기술 숙달도', en: 'Students × skills' },
  help: {
    ko: '칸마다 학생의 숙달 단계입니다 (베이지안 지식 추적의 P(앎)). 기술별 합계는 표 아래에 있습니다.',
    en: 'Each cell is the student’s mastery level (P(known) from Bayesian knowledge tracing). Totals per skill are below the table.',
  },
  student: { ko: '학생', en: 'Student' },
  noStudents: { ko: '아직 학생이 없습니다.', en: 'No students yet.' },
  perSkill: { ko: '기술별 학생 수', en: 'Students per level, by skill' },
  skill: { ko: '기술', en: 'Skill' },
};

/** The heatmap (one page of students, `page`), its legend, and the students per level of each skill (the whole class). */
export function MasteryHeatmap({ mastery, page, path, locale }: { mastery: ClassMastery; page: HeatmapPage; path: string; locale: Locale }) {
  return (
    <section aria-labelledby="heatmap-title" data-testid="heatmap">
      <h2 id="heatmap-title">{TEXT.title[locale]}</h2>
      <p className="muted">{TEXT.help[locale]}</p>
      <ul className={styles.legend} aria-label="legend">
        {MASTERY_LEVELS.map((level) => (
          <li key={level}>{LEVEL_SHORT[level]} = <MasteryChip level={level} locale={locale} /></li>
        ))}
      </ul>
      {mastery.rows.length === 0 ? (
        <p className="muted">{TEXT.noStudents[locale]}</p>
      ) : (
        <MasteryHeatmapGrid
          locale={locale}
          labelledBy="heatmap-title"
          skills={mastery.skills.map((skill) => ({ typeId: skill.typeId, title: skill.title[locale] }))}
          rows={page.rows}
          view={page.view}
          info={page.info}
          path={path}
        />
      )}
      <h3>{TEXT.perSkill[locale]}</h3>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={TEXT.perSkill[locale]}>
        <table>
          <thead>
            <tr>
              <th scope="col" className={styles.sticky}>{TEXT.skill[locale]}</th>
              {MASTERY_LEVELS.map((level) => (
                <th key={level} scope="col" className={styles.numeric}>{LEVEL_TEXT[level][locale]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {mastery.skills.map((skill) => (
              <tr key={skill.typeId}>
                <th scope="row" className={`${styles.sticky} ${styles.wrap}`}>{skill.title[locale]}</th>
                {MASTERY_LEVELS.map((level) => (
                  <td key={level} className={styles.numeric}>{skill.levelCounts[level]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
