'use client';

import type { Locale, Localized } from '@/lib/i18n/locales';
import { POINTS_PER_QUESTION_CHOICES, type TScoringOptions } from '@/lib/live/protocol/scoring-options';
import { MAX_TEAMS, MIN_TEAMS, TEAM_TALK_CHOICES_S, type TTeamAssign } from '@/lib/live/protocol/team-setup';
import styles from '@/components/live/live.module.css';

export const OPTIONS_TEXT = {
  scoring: { ko: '점수 규칙', en: 'Scoring' },
  pointsPerQuestion: { ko: '문제당 점수', en: 'Points per question' },
  practice: { ko: '0 (연습)', en: '0 (practice)' },
  speedBonus: { ko: '빠를수록 점수 더 (속도 보너스)', en: 'Faster answers earn more (speed bonus)' },
  streakBonus: { ko: '연속 정답 보너스', en: 'Streak bonus' },
  teams: { ko: '팀', en: 'Teams' },
  noTeams: { ko: '개인전', en: 'Everyone for themselves' },
  random: { ko: '무작위 팀', en: 'Random teams' },
  bySize: { ko: '팀 인원으로 나누기', en: 'By team size' },
  pick: { ko: '참가자가 팀 고르기', en: 'Players pick a team' },
  teamCount: { ko: '팀 수', en: 'Number of teams' },
  teamSize: { ko: '팀당 인원', en: 'Players per team' },
  talk: { ko: '답하기 전 팀 토론', en: 'Team talk before answering' },
  seconds: { ko: '초', en: 's' },
  none: { ko: '없음', en: 'none' },
  teamScoreNote: { ko: '팀 점수는 팀원 점수의 평균입니다.', en: 'A team’s score is the mean of its members’ points.' },
  selfPacedNoTeams: { ko: '팀은 진행자 진행 세션에서만 쓸 수 있습니다.', en: 'Teams need an instructor-paced session.' },
} satisfies Record<string, Localized>;

export interface TeamChoice {
  assign: TTeamAssign | 'NONE';
  teams: string;
  size: string;
  talkS: number;
}

export interface SessionOptionsFieldsProps {
  locale: Locale;
  scoring: TScoringOptions;
  onScoring: (scoring: TScoringOptions) => void;
  team: TeamChoice;
  onTeam: (team: TeamChoice) => void;
  canUseTeams: boolean;
}

/** The create form's scoring options and team mode. */
export function SessionOptionsFields({ locale, scoring, onScoring, team, onTeam, canUseTeams }: SessionOptionsFieldsProps) {
  const T = OPTIONS_TEXT;
  return (
    <>
      <fieldset>
        <legend>{T.scoring[locale]}</legend>
        <label htmlFor="live-points">{T.pointsPerQuestion[locale]}</label>
        <select id="live-points" value={scoring.pointsPerQuestion} onChange={(event) => onScoring({ ...scoring, pointsPerQuestion: Number(event.currentTarget.value) })}>
          {POINTS_PER_QUESTION_CHOICES.map((points) => (
            <option key={points} value={points}>{points === 0 ? T.practice[locale] : points.toLocaleString(locale)}</option>
          ))}
        </select>
        <label className={styles.inline}>
          <input type="checkbox" checked={scoring.speedBonus} onChange={(event) => onScoring({ ...scoring, speedBonus: event.currentTarget.checked })} /> {T.speedBonus[locale]}
        </label>
        <label className={styles.inline}>
          <input type="checkbox" checked={scoring.streakBonus} onChange={(event) => onScoring({ ...scoring, streakBonus: event.currentTarget.checked })} /> {T.streakBonus[locale]}
        </label>
      </fieldset>

      <fieldset>
        <legend>{T.teams[locale]}</legend>
        {canUseTeams ? null : <p className="muted">{T.selfPacedNoTeams[locale]}</p>}
        {(['NONE', 'RANDOM', 'BY_SIZE', 'PICK'] as const).map((assign) => (
          <label key={assign} className={styles.inline}>
            <input type="radio" name="teams" disabled={!canUseTeams && assign !== 'NONE'} checked={team.assign === assign} onChange={() => onTeam({ ...team, assign })} />{' '}
            {assign === 'NONE' ? T.noTeams[locale] : assign === 'RANDOM' ? T.random[locale] : assign === 'BY_SIZE' ? T.bySize[locale] : T.pick[locale]}
          </label>
        ))}
        {team.assign === 'RANDOM' || team.assign === 'PICK' ? (
          <>
            <label htmlFor="live-team-count">{T.teamCount[locale]}</label>
            <input id="live-team-count" type="number" min={MIN_TEAMS} max={MAX_TEAMS} value={team.teams} onChange={(event) => onTeam({ ...team, teams: event.currentTarget.value })} />
          </>
        ) : null}
        {team.assign === 'BY_SIZE' ? (
          <>
            <label htmlFor="live-team-size">{T.teamSize[locale]}</label>
            <input id="live-team-size" type="number" min={2} max={20} value={team.size} onChange={(event) => onTeam({ ...team, size: event.currentTarget.value })} />
          </>
        ) : null}
        {team.assign !== 'NONE' ? (
          <>
            <label htmlFor="live-team-talk">{T.talk[locale]}</label>
            <select id="live-team-talk" value={team.talkS} onChange={(event) => onTeam({ ...team, talkS: Number(event.currentTarget.value) })}>
              {TEAM_TALK_CHOICES_S.map((seconds) => (
                <option key={seconds} value={seconds}>{seconds === 0 ? T.none[locale] : `${seconds} ${T.seconds[locale]}`}</option>
              ))}
            </select>
            <p className="muted"><small>{T.teamScoreNote[locale]}</small></p>
          </>
        ) : null}
      </fieldset>
    </>
  );
}

/** The `teams` field of TCreateLiveSession from the form's choice (undefined: no teams). */
export function teamSetupOf(team: TeamChoice) {
  if (team.assign === 'NONE') return undefined;
  return { assign: team.assign, teams: Number(team.teams), size: Number(team.size), talkS: team.talkS };
}
