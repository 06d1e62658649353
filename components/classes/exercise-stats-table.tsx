import type { Locale } from '@/lib/i18n/locales';
import type { ExerciseStats } from '@/lib/gradebook/get-gradebook';
import type { OutlineUnit } from '@/lib/dashboard/get-course-outline';
import { InlineMarkdown } from '@/components/ui/inline-markdown';
import { formatPercent } from '@/lib/i18n/format';
import styles from '@/components/classes/classes.module.css';
import { ScrollTable } from '@/components/classes/scroll-table';

const TEXT = {
  title: { ko: '문제별 통계', en: 'Per-exercise statistics' },
  exercise: { ko: '문제', en: 'Exercise' },
  attempts: { ko: '시도', en: 'Attempts' },
  students: { ko: '시도한 학생', en: 'Students' },
  mean: { ko: '평균 점수', en: 'Mean score' },
  meanBest: { ko: '최고 점수 평균', en: 'Mean best' },
  solvedBy: { ko: '해결한 학생', en: 'Solved by' },
  mistakes: { ko: '자주 한 실수', en: 'Most frequent mistakes' },
  times: { ko: '회', en: '×' },
};

export function ExerciseStatsTable({ locale, units, stats }: { locale: Locale; units: OutlineUnit[]; stats: ExerciseStats[] }) {
  const titleOf = new Map(units.flatMap((unit) => unit.exercises.map((exercise) => [exercise.typeId, exercise.title[locale]] as const)));
  return (
    <section className={styles.section} aria-labelledby="stats-title">
      <h2 id="stats-title">{TEXT.title[locale]}</h2>
      <ScrollTable
        labelledBy="stats-title"
        columns={[
          { label: TEXT.exercise[locale] },
          { label: TEXT.attempts[locale], numeric: true },
          { label: TEXT.students[locale], numeric: true },
          { label: TEXT.mean[locale], numeric: true },
          { label: TEXT.meanBest[locale], numeric: true },
          { label: TEXT.solvedBy[locale], numeric: true },
          { label: TEXT.mistakes[locale] },
        ]}
      >
        {stats.map((stat) => (
          <tr key={stat.typeId}>
            <th scope="row">{titleOf.get(stat.typeId) ?? stat.typeId}</th>
            <td className={styles.numeric}>{stat.attempts}</td>
            <td className={styles.numeric}>{stat.students}</td>
            <td className={styles.numeric}>{formatPercent(stat.meanScore)}</td>
            <td className={styles.numeric}>{formatPercent(stat.meanBest)}</td>
            <td className={styles.numeric}>{stat.solvedBy}</td>
            <td style={{ whiteSpace: 'normal', minWidth: '16rem' }}>
              {stat.topMistakes.length === 0 ? (
                '—'
              ) : (
                <ol style={{ margin: 0, paddingLeft: '1.2rem' }}>
                  {stat.topMistakes.map((mistake) => (
                    <li key={mistake.mistakeId}>
                      <InlineMarkdown text={mistake.text[locale]} /> <span className="muted">({mistake.count}{TEXT.times[locale]})</span>
                    </li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}
