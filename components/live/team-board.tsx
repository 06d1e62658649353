import type { Locale, Localized } from '@/lib/i18n/locales';
import type { TTeamStanding } from '@/lib/live/protocol/live-payloads';
import { TEAM_NAMES } from '@/lib/live/protocol/team-setup';
import styles from '@/components/live/live.module.css';

const TEXT = {
  teams: { ko: '팀 순위', en: 'Team standings' },
  teamPodium: { ko: '팀 시상대', en: 'Team podium' },
  members: { ko: '명', en: 'players' },
  meanNote: { ko: '팀 점수 = 팀원 점수의 평균', en: 'Team score = mean of the members’ points' },
  points: { ko: '점', en: 'points' },
} satisfies Record<string, Localized>;

export interface TeamBoardProps {
  teams: TTeamStanding[];
  locale: Locale;
  isFinal: boolean;
  /** The viewer's team, highlighted. */
  highlight?: number | null;
}

/** The team leaderboard (podium at the end), beside the individual one. */
export function TeamBoard({ teams, locale, isFinal, highlight }: TeamBoardProps) {
  const heading = isFinal ? TEXT.teamPodium[locale] : TEXT.teams[locale];
  return (
    <section aria-label={heading} className={styles.leaderboard} data-testid="team-board">
      <h2>{heading}</h2>
      <p className="muted"><small>{TEXT.meanNote[locale]}</small></p>
      <ol>
        {teams.map((team) => (
          <li key={team.team} data-rank={team.rank} data-you={team.team === highlight || undefined} data-team={team.team}>
            <span className={styles.rank}>{team.rank}</span>
            <span className={styles.nickname}>
              <span className={styles.teamDot} style={{ background: TEAM_NAMES[team.team]?.color }} aria-hidden="true" />
              {team.name[locale]} <small className="muted">({team.members} {TEXT.members[locale]})</small>
            </span>
            <span className={styles.points} data-score={team.score}>
              {team.score.toLocaleString(locale)} <small>{TEXT.points[locale]}</small>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
