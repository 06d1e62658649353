import Link from 'next/link';
import type { Locale, Localized } from '@/lib/i18n/locales';
import type { OutlineUnit } from '@/lib/dashboard/get-course-outline';
import type { ClassLiveSession } from '@/lib/gradebook/find-class-live-results';
import { formatPercent } from '@/lib/i18n/format';
import { DateTime } from '@/components/ui/date-time';
import styles from '@/components/classes/classes.module.css';

const TEXT = {
  title: { ko: '라이브 세션 결과', en: 'Live session results' },
  none: { ko: '이 수업에서 끝난 라이브 세션이 아직 없습니다.', en: 'No live session of this class has finished yet.' },
  explain: {
    ko: '끝난 세션마다 저장된 최종 순위입니다. 점수는 정답 비율 × 속도(카훗 규칙)와 연속 정답 보너스이고, 정답 수는 열린 문제 기준입니다.',
    en: 'The stored final standings of every finished session. Points are grade × speed (Kahoot’s rule) plus streak bonuses; correct answers count against the questions that were opened.',
  },
  selfPaced: { ko: '자율 진행', en: 'self-paced' },
  players: { ko: '명 참여', en: ' players' },
  shareCorrect: { ko: '정답률', en: 'correct' },
  questions: { ko: '문제', en: 'questions' },
  rank: { ko: '순위', en: 'Rank' },
  player: { ko: '참가자', en: 'Player' },
  points: { ko: '점수', en: 'Points' },
  correct: { ko: '정답', en: 'Correct' },
  meanGrade: { ko: '평균 채점', en: 'Mean grade' },
  answerTime: { ko: '답한 시간 합', en: 'Total answer time' },
  guest: { ko: '게스트', en: 'guest' },
  open: { ko: '세션 화면 열기', en: 'Open the session screen' },
  noPlayers: { ko: '참가자가 없었습니다.', en: 'Nobody played.' },
} satisfies Record<string, Localized>;

export interface LiveResultsSectionProps {
  locale: Locale;
  classId: string;
  units: OutlineUnit[];
  sessions: ClassLiveSession[];
  /** Names of the class's students by user id; players who are not (or no longer) students show their nickname only. */
  studentNames: Map<string, string>;
}

/** The gradebook's live part: one collapsible standings table per finished session, newest open. */
export function LiveResultsSection({ locale, classId, units, sessions, studentNames }: LiveResultsSectionProps) {
  const unitTitle = new Map(units.map((unit) => [unit.unitId, unit.title[locale]]));
  return (
    <section className={styles.section} aria-labelledby="live-results-title" data-testid="live-results">
      <h2 id="live-results-title">{TEXT.title[locale]}</h2>
      {sessions.length === 0 ? (
        <p className="muted">{TEXT.none[locale]}</p>
      ) : (
        <>
          <p className="muted">{TEXT.explain[locale]}</p>
          {sessions.map((session, index) => {
            const heading = (session.unitId && unitTitle.get(session.unitId)) || session.questionTitles.map((title) => title[locale]).join(', ') || '—';
            return (
              <details key={session.sessionId} id={`live-${session.sessionId}`} open={index === 0} data-testid="live-session" data-session-id={session.sessionId}>
                <summary>
                  <strong><DateTime value={session.endedAt ?? session.createdAt} locale={locale} /></strong> · {heading}
                  {session.mode === 'SELF_PACED' && ` (${TEXT.selfPaced[locale]})`}
                  <span className="muted">
                    {' '}· {session.questionTitles.length} {TEXT.questions[locale]} · {session.participants.length}{TEXT.players[locale]} · {TEXT.shareCorrect[locale]}{' '}
                    {formatPercent(session.shareCorrect)}
                  </span>
                </summary>
                {session.participants.length === 0 ? (
                  <p className="muted">{TEXT.noPlayers[locale]}</p>
                ) : (
                  <div className={styles.scroll} tabIndex={0} role="region" aria-label={heading}>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col" className={styles.numeric}>{TEXT.rank[locale]}</th>
                          <th scope="col">{TEXT.player[locale]}</th>
                          <th scope="col" className={styles.numeric}>{TEXT.points[locale]}</th>
                          <th scope="col" className={styles.numeric}>{TEXT.correct[locale]}</th>
                          <th scope="col" className={styles.numeric}>{TEXT.meanGrade[locale]}</th>
                          <th scope="col" className={styles.numeric}>{TEXT.answerTime[locale]}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {session.participants.map((player) => {
                          const name = player.userId ? studentNames.get(player.userId) : undefined;
                          return (
                            <tr key={player.participantId} data-rank={player.rank}>
                              <td className={styles.numeric}>{player.rank}</td>
                              <th scope="row">
                                {name && player.userId ? (
                                  <Link className="tap" href={`/classes/${classId}/students/${player.userId}`}>{name}</Link>
                                ) : null}
                                {name ? name !== player.nickname && <span className="muted"> ({player.nickname})</span> : player.nickname}
                                {!player.userId && <span className="muted"> · {TEXT.guest[locale]}</span>}
                              </th>
                              <td className={styles.numeric} data-testid="live-points">{player.score}</td>
                              <td className={styles.numeric}>{player.correct} / {session.questionTitles.length}</td>
                              <td className={styles.numeric}>{formatPercent(player.meanGrade)}</td>
                              <td className={styles.numeric}>{(player.totalAnswerMs / 1000).toFixed(1)} s</td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                )}
                <p><Link className="tap" href={`/live/${session.sessionId}/host`}>{TEXT.open[locale]}</Link></p>
              </details>
            );
          })}
        </>
      )}
    </section>
  );
}
