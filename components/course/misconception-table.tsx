import type { HeatmapSkill } from '@/lib/course/mastery/get-class-mastery';
import type { Misconception } from '@/lib/course/mastery/get-class-misconceptions';
import type { Locale } from '@/lib/i18n/locales';
import { InlineMarkdown } from '@/components/ui/inline-markdown';
import styles from './course.module.css';
import { ScrollTable } from '@/components/classes/scroll-table';

const TEXT = {
  title: { ko: '오개념 (이름 붙은 실수)', en: 'Misconceptions (named mistakes)' },
  help: {
    ko: '채점기가 알아본 실수별로, 그 실수를 한 학생 수와 시도 수입니다. 추세는 최근 7일과 그 전 7일의 시도 수입니다.',
    en: 'For each mistake the grader recognised: how many students made it and how often. The trend compares the last 7 days with the 7 days before.',
  },
  none: { ko: '아직 이름 붙은 실수가 없습니다.', en: 'No named mistakes yet.' },
  mistake: { ko: '실수', en: 'Mistake' },
  skill: { ko: '기술', en: 'Skill' },
  students: { ko: '학생', en: 'Students' },
  attempts: { ko: '시도', en: 'Attempts' },
  trend: { ko: '추세 (7일 / 그 전 7일)', en: 'Trend (7 days / 7 before)' },
};

function trendArrow(row: Misconception): { arrow: string; className: string } {
  if (row.lastWeek > row.weekBefore) return { arrow: '↑', className: styles.up };
  if (row.lastWeek < row.weekBefore) return { arrow: '↓', className: styles.down };
  return { arrow: '→', className: '' };
}

export function MisconceptionTable({ misconceptions, skills, locale }: { misconceptions: Misconception[]; skills: HeatmapSkill[]; locale: Locale }) {
  const titleOf = new Map(skills.map((skill) => [skill.typeId, skill.title[locale]]));
  return (
    <section aria-labelledby="misconceptions-title" style={{ marginTop: '2rem' }} data-testid="misconceptions">
      <h2 id="misconceptions-title">{TEXT.title[locale]}</h2>
      <p className="muted">{TEXT.help[locale]}</p>
      {misconceptions.length === 0 ? (
        <p className="muted">{TEXT.none[locale]}</p>
      ) : (
        <ScrollTable
          labelledBy="misconceptions-title"
          columns={[
            { label: TEXT.mistake[locale] },
            { label: TEXT.skill[locale] },
            { label: TEXT.students[locale], numeric: true },
            { label: TEXT.attempts[locale], numeric: true },
            { label: TEXT.trend[locale], numeric: true },
          ]}
        >
          {misconceptions.map((row) => {
            const trend = trendArrow(row);
            return (
              <tr key={`${row.typeId}/${row.mistakeId}`} data-mistake={row.mistakeId}>
                <td style={{ whiteSpace: 'normal', minWidth: '14rem' }}>
                  <code>{row.mistakeId}</code>
                  <br />
                  <span className="muted"><InlineMarkdown text={row.text[locale]} /></span>
                </td>
                <td>{titleOf.get(row.typeId) ?? row.typeId}</td>
                <td className={styles.numeric}>{row.students}</td>
                <td className={styles.numeric}>{row.attempts}</td>
                <td className={`${styles.numeric} ${trend.className}`}>
                  {row.lastWeek} / {row.weekBefore} {trend.arrow}
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      )}
    </section>
  );
}
