import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import type { TLeaderboard } from '@/lib/live/protocol/live-payloads';
import { LIVE_TEXT } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';

export interface LeaderboardListProps {
  leaderboard: TLeaderboard;
  locale: Locale;
  /** The viewer's nickname, highlighted when in the top ten. */
  highlight?: string;
  heading?: string;
}

export function LeaderboardList({ leaderboard, locale, highlight, heading }: LeaderboardListProps) {
  return (
    <section aria-label={heading ?? LIVE_TEXT.leaderboard[locale]} className={styles.leaderboard} data-testid="leaderboard">
      <h2>{heading ?? LIVE_TEXT.leaderboard[locale]}</h2>
      <ol>
        {leaderboard.top.map((entry) => (
          <li key={entry.rank} data-you={entry.nickname === highlight || undefined} data-rank={entry.rank}>
            <span className={styles.rank}>{entry.rank}</span>
            <span className={styles.nickname}>{entry.nickname}</span>
            <span className={styles.points}>
              {formatNumber(entry.score, locale)} <small>{LIVE_TEXT.points[locale]}</small>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
