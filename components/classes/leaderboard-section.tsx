import Link from 'next/link';
import type { Locale, Localized } from '@/lib/i18n/locales';
import type { ClassLeaderboard } from '@/lib/leaderboard/get-class-leaderboard';
import styles from '@/components/classes/classes.module.css';
import { ScrollTable } from '@/components/classes/scroll-table';

const TEXT = {
  title: { ko: '리더보드', en: 'Leaderboard' },
  all: { ko: '전체 기간', en: 'All time' },
  week: { ko: '이번 주', en: 'This week' },
  rank: { ko: '순위', en: 'Rank' },
  name: { ko: '이름', en: 'Name' },
  score: { ko: '점수', en: 'Score' },
  solved: { ko: '해결', en: 'Solved' },
  you: { ko: '(나)', en: '(you)' },
  empty: { ko: '아직 학생이 없습니다.', en: 'No students yet.' },
  explain: {
    ko: '점수는 문제마다 가장 높은 점수(0~1)를 더한 값입니다. 이번 주는 서울 시간 월요일 0시부터 센 것입니다.',
    en: 'The score adds up the best score (0–1) on each exercise. "This week" counts from Monday 00:00 Seoul time.',
  },
} satisfies Record<string, Localized>;

export interface LeaderboardSectionProps {
  locale: Locale;
  classId: string;
  board: string;
  units: { unitId: string; title: Localized }[];
  leaderboard: ClassLeaderboard;
}

export function LeaderboardSection({ locale, classId, board, units, leaderboard }: LeaderboardSectionProps) {
  const tabs = [
    { key: 'all', label: TEXT.all[locale] },
    { key: 'week', label: TEXT.week[locale] },
    ...units.map((unit) => ({ key: unit.unitId, label: unit.title[locale] })),
  ];
  const format = (value: number) => (Math.round(value * 100) / 100).toFixed(2);
  return (
    <section className={styles.section} aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title">{TEXT.title[locale]}</h2>
      <nav aria-label={TEXT.title[locale]}>
        <ul className={styles.tabs}>
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link href={`/classes/${classId}?board=${encodeURIComponent(tab.key)}#leaderboard-title`} aria-current={tab.key === board ? 'page' : undefined} scroll={false}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {leaderboard.entries.length === 0 ? (
        <p className="muted">{TEXT.empty[locale]}</p>
      ) : (
        <ScrollTable
          label={TEXT.title[locale]}
          columns={[
            { label: TEXT.rank[locale], numeric: true },
            { label: TEXT.name[locale] },
            { label: <>{TEXT.score[locale]} (/{leaderboard.maxScore})</>, numeric: true },
            { label: TEXT.solved[locale], numeric: true },
          ]}
        >
          {leaderboard.entries.map((entry, index) => (
            <tr key={index} className={entry.isMe ? styles.me : undefined}>
              <td className={styles.numeric}>{entry.rank}</td>
              <th scope="row">
                {entry.displayName[locale]} {entry.isMe && <span className={styles.badge}>{TEXT.you[locale]}</span>}
              </th>
              <td className={styles.numeric}>{format(entry.score)}</td>
              <td className={styles.numeric}>{entry.solvedCount}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <p className="muted">{TEXT.explain[locale]}</p>
    </section>
  );
}
