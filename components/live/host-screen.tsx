'use client';

import type { Locale } from '@/lib/i18n/locales';
import { LIVE_CLIENT_EVENTS } from '@/lib/live/protocol/live-events';
import { MarkdownText } from '@/components/exercises/markdown-text';
import { DateTime } from '@/components/ui/date-time';
import { Countdown } from '@/components/live/countdown';
import { CorrectnessTable } from '@/components/live/correctness-table';
import { LeaderboardList } from '@/components/live/leaderboard-list';
import { LIVE_TEXT } from '@/components/live/live-text';
import { ResultsPanel } from '@/components/live/results-panel';
import { PaceMeter } from '@/components/live/pace-meter';
import { FollowUpNotice, RulesCard, TalkGate, TalkNotice, TeamLabel } from '@/components/live/player-extras';
import { TeamBoard } from '@/components/live/team-board';
import styles from '@/components/live/live.module.css';
import { useLiveHost } from '@/components/live/use-live-host';
import { PredictResultsPanel } from '@/components/live/predict-results-panel';

export interface HostScreenProps {
  sessionId: string;
  locale: Locale;
  joinUrl: string;
  /** The join URL as an SVG QR code, rendered on the server. */
  qrSvg: string;
}

/** The projector screen (markup; the socket and its state live in useLiveHost): PIN and QR code, live counts, countdown, results, leaderboard, controls. */
export function HostScreen({ sessionId, locale, joinUrl, qrSvg }: HostScreenProps) {
  const { view, joined, offset, connection, problem, isBusy, correctness, isCorrectnessOpen, toggleCorrectness, command } = useLiveHost(sessionId, locale);

  if (!view) return <p role="status">{problem ?? LIVE_TEXT.connecting[locale]}</p>;
  const { session, question, progress, results, leaderboard, participants, training } = view;
  const isTraining = session.state === 'RESULTS' && training !== null && training.status === 'training';
  // A predict-then-train question's results: its training (streamed), then the scored outcome.
  const predictTraining = training ?? results?.predict ?? null;
  const isLast = session.currentIndex + 1 >= session.questionCount;
  const isSelfPaced = session.mode === 'SELF_PACED';
  const advanceLabel =
    session.state === 'LOBBY' ? LIVE_TEXT.start[locale] :
    isSelfPaced && session.state === 'QUESTION' ? LIVE_TEXT.endAndPodium[locale] :
    session.state === 'QUESTION' ? LIVE_TEXT.skip[locale] :
    session.state === 'RESULTS' ? LIVE_TEXT.showLeaderboard[locale] :
    session.state === 'LEADERBOARD' ? (isLast ? LIVE_TEXT.showPodium[locale] : LIVE_TEXT.nextQuestion[locale]) :
    null;

  return (
    <div className={styles.host} data-state={session.state}>
      <header className={styles.hostBar}>
        <div>
          <span className="muted">PIN</span> <strong className={styles.pin} data-testid="pin">{session.pin}</strong>
        </div>
        <div data-testid="joined-count">
          <strong>{joined}</strong> {LIVE_TEXT.joined[locale]}
        </div>
        {session.state === 'QUESTION' && progress ? (
          <div data-testid="answered-count">
            <strong>{progress.answered}</strong> / {progress.joined} {isSelfPaced ? LIVE_TEXT.finishedPlayers[locale] : LIVE_TEXT.answered[locale]}
          </div>
        ) : null}
        {session.locked ? <div className={styles.lockedBadge}>🔒 {LIVE_TEXT.locked[locale]}</div> : null}
      </header>
      {connection === 'offline' ? <p className={styles.offline} role="status">{LIVE_TEXT.offline[locale]}</p> : null}

      <div className={styles.controls} role="group" aria-label={locale === 'ko' ? '진행 버튼' : 'Controls'}>
        {advanceLabel ? (
          <button className="button" type="button" disabled={isBusy || isTraining} data-testid="advance" onClick={() => void command(LIVE_CLIENT_EVENTS.hostAdvance, { from: { state: session.state, index: session.currentIndex } })}>
            {advanceLabel}
          </button>
        ) : null}
        {session.state !== 'FINISHED' ? (
          <>
            <button className="button secondary" type="button" disabled={isBusy} onClick={() => void command(LIVE_CLIENT_EVENTS.hostLock, { locked: !session.locked })}>
              {session.locked ? LIVE_TEXT.unlock[locale] : LIVE_TEXT.lock[locale]}
            </button>
            <button className="button secondary" type="button" disabled={isBusy} onClick={() => window.confirm(LIVE_TEXT.endConfirm[locale]) && void command(LIVE_CLIENT_EVENTS.hostEnd, {})}>
              {LIVE_TEXT.end[locale]}
            </button>
          </>
        ) : null}
        <button className="button secondary" type="button" aria-expanded={isCorrectnessOpen} onClick={toggleCorrectness}>
          {isCorrectnessOpen ? LIVE_TEXT.hideCorrectness[locale] : LIVE_TEXT.correctnessView[locale]}
        </button>
      </div>
      <div role="status" aria-live="polite">{problem ? <p className="error">{problem}</p> : null}</div>

      {session.state === 'LOBBY' ? (
        <section className={styles.lobby} aria-label={LIVE_TEXT.joinAt[locale]}>
          <div className={styles.joinInfo}>
            <p>
              {LIVE_TEXT.joinAt[locale]} <strong>{joinUrl.replace(/\?.*$/, '')}</strong>
            </p>
            <p className={styles.bigPin}>{session.pin}</p>
            {session.mode === 'SELF_PACED' ? <p className="muted">{LIVE_TEXT.selfPacedNote[locale]}</p> : null}
          </div>
          <RulesCard scoring={session.scoring} teams={session.teams} locale={locale} />
          <div className={styles.qr} role="img" aria-label={LIVE_TEXT.qrAlt[locale]} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        </section>
      ) : null}

      {isSelfPaced && session.state === 'QUESTION' ? (
        <section className={styles.hostQuestion} aria-label={LIVE_TEXT.selfPaced[locale]}>
          <p>{LIVE_TEXT.selfPacedNote[locale]}</p>
          {session.deadline ? (
            <p>
              {LIVE_TEXT.deadline[locale]}: <strong><DateTime value={session.deadline} locale={locale} /></strong>
            </p>
          ) : null}
          {progress ? (
            <p className={styles.bigCount}>
              <strong>{progress.answered}</strong> / {progress.joined} {LIVE_TEXT.finishedPlayers[locale]}
            </p>
          ) : null}
          {leaderboard ? <LeaderboardList leaderboard={leaderboard} locale={locale} /> : null}
        </section>
      ) : null}

      {!isSelfPaced && session.state === 'QUESTION' && question?.closesAt ? (
        <section className={styles.hostQuestion} aria-label={LIVE_TEXT.question[locale]}>
          <h1>
            {LIVE_TEXT.question[locale]} {question.index + 1} {LIVE_TEXT.of[locale]} {session.questionCount} · {question.title[locale]}
          </h1>
          {question.reask ? <FollowUpNotice ofIndex={question.reask.ofIndex} mistake={question.reask.mistake.text[locale]} locale={locale} /> : null}
          {question.openedAt ? (
            <TalkGate openedAt={question.openedAt} offsetMs={offset}>
              {(talkLeft) =>
                talkLeft > 0 ? (
                  <TalkNotice secondsLeft={talkLeft} locale={locale} />
                ) : (
                  <Countdown closesAt={question.closesAt!} offsetMs={offset} timeLimitS={question.timeLimitS} locale={locale} large />
                )
              }
            </TalkGate>
          ) : null}
          <div className={styles.hostPrompt} data-testid="host-prompt">
            <p className="muted">{question.predict ? LIVE_TEXT.predictHint[locale] : LIVE_TEXT.exampleNumbers[locale]}</p>
            <MarkdownText key={question.prompt[locale]} markdown={question.prompt[locale]} className={styles.prompt} />
          </div>
          {progress ? (
            <p className={styles.bigCount}>
              <strong>{progress.answered}</strong> / {progress.joined} {LIVE_TEXT.answered[locale]}
            </p>
          ) : null}
        </section>
      ) : null}

      {session.state === 'RESULTS' && predictTraining ? <PredictResultsPanel training={predictTraining} results={results} setup={question?.predict ?? null} locale={locale} /> : null}
      {session.state === 'RESULTS' && results && !predictTraining ? (
        <ResultsPanel
          results={results}
          locale={locale}
          canReask={!isSelfPaced && results.questionIndex === session.currentIndex}
          isBusy={isBusy}
          onReask={(mistakeId) => void command(LIVE_CLIENT_EVENTS.hostReask, { from: { state: session.state, index: session.currentIndex }, mistakeId })}
        />
      ) : null}
      {(session.state === 'LEADERBOARD' || session.state === 'FINISHED') && leaderboard ? (
        <div className={styles.boards}>
          <LeaderboardList leaderboard={leaderboard} locale={locale} heading={session.state === 'FINISHED' ? LIVE_TEXT.podium[locale] : undefined} />
          {leaderboard.teams ? <TeamBoard teams={leaderboard.teams} locale={locale} isFinal={leaderboard.isFinal} /> : null}
        </div>
      ) : null}
      {session.state === 'FINISHED' ? (
        <p>
          {session.classId ? (
            <>
              <a href={`/classes/${session.classId}/gradebook#live-${sessionId}`} data-testid="gradebook-link">{LIVE_TEXT.inGradebook[locale]}</a>
              {' · '}
            </>
          ) : null}
          <a href={`/api/live/sessions/${sessionId}/results`}>{LIVE_TEXT.fullResults[locale]}</a>
          {' · '}
          <a href="/live">{LIVE_TEXT.newSession[locale]}</a>
        </p>
      ) : null}

      {session.state !== 'LOBBY' && session.state !== 'FINISHED' && !isSelfPaced ? <PaceMeter meter={view.pace} locale={locale} /> : null}

      {isCorrectnessOpen && correctness ? <CorrectnessTable view={correctness} locale={locale} /> : null}

      <section className={styles.participants} aria-label={LIVE_TEXT.players[locale]}>
        <h2>
          {LIVE_TEXT.players[locale]} ({participants.length})
        </h2>
        {participants.length === 0 ? <p className="muted">{LIVE_TEXT.noPlayers[locale]}</p> : null}
        <ul data-testid="participants">
          {participants.map((participant) => (
            <li key={participant.id}>
              <span>{participant.nickname}</span>
              {participant.team !== null ? <small> · <TeamLabel team={participant.team} locale={locale} /></small> : null}
              {participant.isGuest ? <small className="muted"> ({LIVE_TEXT.guest[locale]})</small> : null}
              {session.state !== 'FINISHED' ? (
                <button
                  type="button"
                  className={styles.kick}
                  aria-label={`${LIVE_TEXT.kick[locale]}: ${participant.nickname}`}
                  onClick={() => window.confirm(`${LIVE_TEXT.kickConfirm[locale]} (${participant.nickname})`) && void command(LIVE_CLIENT_EVENTS.hostKick, { participantId: participant.id })}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
