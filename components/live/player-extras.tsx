'use client';

import { fill } from '@/lib/i18n/fill';
import { useEffect, useState, type ReactNode } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import type { TScoring, TTeamMode } from '@/lib/live/protocol/live-payloads';
import { TEAM_NAMES, teamName } from '@/lib/live/protocol/team-setup';
import { PACE_TEXT } from '@/components/live/pace-meter';
import styles from '@/components/live/live.module.css';

const TEXT = {
  pickTeam: { ko: '팀을 고르세요', en: 'Pick your team' },
  yourTeam: { ko: '내 팀', en: 'Your team' },
  teamsDealt: { ko: '시작할 때 팀이 정해집니다.', en: 'Teams are dealt at the start.' },
  scoring: { ko: '점수 규칙', en: 'Scoring' },
  points: { ko: '문제당 최대 {n}점', en: 'Up to {n} points per question' },
  practice: { ko: '연습 세션: 점수 없이 채점만 합니다', en: 'Practice: graded, no points' },
  speedOn: { ko: '빨리 답할수록 점수가 높습니다', en: 'faster answers earn more' },
  speedOff: { ko: '속도와 관계없이 정답이면 만점', en: 'correct answers earn full points at any speed' },
  streakOn: { ko: '연속 정답 보너스 있음', en: 'streak bonus on' },
  streakOff: { ko: '연속 정답 보너스 없음', en: 'no streak bonus' },
  teamScore: { ko: '팀 점수 = 팀원 점수의 평균', en: 'team score = mean of the members’ points' },
  talk: { ko: '팀 토론 중 — {s}초 뒤에 답할 수 있습니다', en: 'Team talk — answers open in {s} s' },
  followUp: { ko: '다시 묻기: 문제 {n}과 같은 유형, 새 숫자', en: 'Follow-up: the same kind as question {n}, new numbers' },
  followUpOf: { ko: '다시 묻는 실수', en: 'Re-asking' },
} satisfies Record<string, Localized>;

/** The lobby's rules card: scoring options and, in team mode, the team rule. */
export function RulesCard({ scoring, teams, locale }: { scoring: TScoring; teams: TTeamMode | null; locale: Locale }) {
  const parts = scoring.pointsPerQuestion === 0
    ? [TEXT.practice[locale]]
    : [fill(TEXT.points[locale], { n: scoring.pointsPerQuestion.toLocaleString(locale) }), scoring.speedBonus ? TEXT.speedOn[locale] : TEXT.speedOff[locale], scoring.streakBonus ? TEXT.streakOn[locale] : TEXT.streakOff[locale]];
  if (teams) parts.push(TEXT.teamScore[locale]);
  return (
    <p className="muted" data-testid="rules">
      <strong>{TEXT.scoring[locale]}:</strong> {parts.join(' · ')}
    </p>
  );
}

export interface TeamPickerProps {
  teams: TTeamMode;
  myTeam: number | null;
  isBusy: boolean;
  locale: Locale;
  onPick: (team: number) => void;
}

/** PICK mode: big team buttons in the lobby; otherwise the player's team once dealt. */
export function TeamPicker({ teams, myTeam, isBusy, locale, onPick }: TeamPickerProps) {
  if (teams.assign !== 'PICK') {
    return <p data-testid="my-team">{myTeam === null ? TEXT.teamsDealt[locale] : <>{TEXT.yourTeam[locale]}: <TeamLabel team={myTeam} locale={locale} /></>}</p>;
  }
  return (
    <section aria-label={TEXT.pickTeam[locale]} data-testid="team-picker">
      <h2>{TEXT.pickTeam[locale]}</h2>
      <div className={styles.teamButtons}>
        {Array.from({ length: teams.count }, (_, team) => (
          <button
            key={team}
            type="button"
            className={styles.teamButton}
            style={{ borderColor: TEAM_NAMES[team]?.color }}
            aria-pressed={myTeam === team}
            disabled={isBusy}
            onClick={() => onPick(team)}
          >
            {teamName(team)[locale]}
          </button>
        ))}
      </div>
    </section>
  );
}

export function TeamLabel({ team, locale }: { team: number; locale: Locale }) {
  return (
    <strong data-team={team}>
      <span className={styles.teamDot} style={{ background: TEAM_NAMES[team]?.color }} aria-hidden="true" />
      {teamName(team)[locale]}
    </strong>
  );
}

/** Shown on a question during the team talk. */
export function TalkNotice({ secondsLeft, locale }: { secondsLeft: number; locale: Locale }) {
  return <p className={styles.talk} role="status" data-testid="team-talk">{fill(TEXT.talk[locale], { s: secondsLeft })}</p>;
}

/** A follow-up's label; the projector also names the mistake it re-asks (phones do not: it would hint the answer away). */
export function FollowUpNotice({ ofIndex, mistake, locale }: { ofIndex: number; mistake?: string; locale: Locale }) {
  return (
    <p className={styles.followUp} data-testid="follow-up">
      {fill(TEXT.followUp[locale], { n: ofIndex + 1 })}
      {mistake ? <><br />{TEXT.followUpOf[locale]}: {mistake}</> : null}
    </p>
  );
}

export interface PaceButtonsProps {
  current: 'too-fast' | 'lost' | null;
  locale: Locale;
  onSignal: (kind: 'too-fast' | 'lost' | 'clear') => void;
}

/** "Too fast" / "I'm lost" at any time (anonymous); tapping the chosen one again withdraws it. */
export function PaceButtons({ current, locale, onSignal }: PaceButtonsProps) {
  return (
    <section className={styles.paceButtons} aria-label={PACE_TEXT.meter[locale]} data-testid="pace-buttons">
      <button type="button" className="button secondary" aria-pressed={current === 'too-fast'} onClick={() => onSignal(current === 'too-fast' ? 'clear' : 'too-fast')}>
        {PACE_TEXT.tooFast[locale]}
      </button>
      <button type="button" className="button secondary" aria-pressed={current === 'lost'} onClick={() => onSignal(current === 'lost' ? 'clear' : 'lost')}>
        {PACE_TEXT.lost[locale]}
      </button>
      <small className="muted">{PACE_TEXT.signalHelp[locale]}</small>
    </section>
  );
}

export interface TalkGateProps {
  /** When answers open (the end of the team talk), by the server's clock. */
  openedAt: string;
  offsetMs: number;
  children: (talkSecondsLeft: number) => ReactNode;
}

/** Renders its children with the seconds of team talk left (0 once answers are open), ticking until then. */
export function TalkGate({ openedAt, offsetMs, children }: TalkGateProps) {
  const start = new Date(openedAt).getTime();
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  const isTalking = now < start;
  useEffect(() => {
    if (!isTalking) return;
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 250);
    return () => clearInterval(timer);
  }, [isTalking, offsetMs]);
  return children(Math.max(0, Math.ceil((start - now) / 1000)));
}
