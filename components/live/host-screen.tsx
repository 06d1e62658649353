'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { Locale } from '@/lib/i18n/locales';
import { LIVE_CLIENT_EVENTS, LIVE_SERVER_EVENTS } from '@/lib/live/live-events';
import type { TCorrectnessView, THostLobbyChange, THostQuestion, THostView, TLeaderboard, TPublicSession, TQuestionProgress, TQuestionResults } from '@/lib/live/live-payloads';
import { MarkdownText } from '@/components/exercises/markdown-text';
import { Countdown } from '@/components/live/countdown';
import { CorrectnessTable } from '@/components/live/correctness-table';
import { LeaderboardList } from '@/components/live/leaderboard-list';
import { clockOffset, emitLive, openLiveSocket } from '@/components/live/live-socket';
import { LIVE_TEXT } from '@/components/live/live-text';
import { ResultsPanel } from '@/components/live/results-panel';
import styles from '@/components/live/live.module.css';

export interface HostScreenProps {
  sessionId: string;
  locale: Locale;
  joinUrl: string;
  /** The join URL as an SVG QR code, rendered on the server. */
  qrSvg: string;
}

/** The projector screen: PIN and QR code, live counts, countdown, results, leaderboard, controls. */
export function HostScreen({ sessionId, locale, joinUrl, qrSvg }: HostScreenProps) {
  const socketRef = useRef<Socket | null>(null);
  const [view, setView] = useState<THostView | null>(null);
  const [joined, setJoined] = useState(0);
  const [offset, setOffset] = useState(0);
  const [connection, setConnection] = useState<'connecting' | 'online' | 'offline'>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [correctness, setCorrectness] = useState<TCorrectnessView | null>(null);
  const [isCorrectnessOpen, setIsCorrectnessOpen] = useState(false);

  const enter = useCallback(async () => {
    const socket = socketRef.current;
    if (!socket) return;
    const ack = await emitLive<{ view: THostView }>(socket, LIVE_CLIENT_EVENTS.hostEnter, { sessionId });
    if (!ack.ok) {
      setProblem(ack.error.text[locale]);
      return;
    }
    setView(ack.view);
    setJoined(ack.view.participants.length);
    if (ack.view.question) setOffset(clockOffset(ack.view.question.serverNow));
  }, [locale, sessionId]);

  const loadCorrectness = useCallback(async () => {
    const socket = socketRef.current;
    if (!socket) return;
    const ack = await emitLive<{ view: TCorrectnessView }>(socket, LIVE_CLIENT_EVENTS.hostCorrectness, { sessionId });
    if (ack.ok) setCorrectness(ack.view);
  }, [sessionId]);

  useEffect(() => {
    const socket = openLiveSocket();
    socketRef.current = socket;
    socket.on('connect', () => {
      setConnection('online');
      if (!socket.recovered) void enter();
    });
    socket.on('disconnect', () => setConnection('offline'));
    socket.on(LIVE_SERVER_EVENTS.session, (session: TPublicSession) => setView((current) => (current ? { ...current, session: { ...current.session, ...session } } : current)));
    socket.on(LIVE_SERVER_EVENTS.hostQuestion, (question: THostQuestion) => {
      setOffset(clockOffset(question.serverNow));
      setView((current) => (current ? { ...current, question, results: null, leaderboard: null, progress: { questionIndex: question.index, answered: 0, joined: current.participants.length } } : current));
    });
    socket.on(LIVE_SERVER_EVENTS.hostProgress, (progress: TQuestionProgress) => {
      setJoined(progress.joined);
      setView((current) => (current ? { ...current, progress } : current));
    });
    socket.on(LIVE_SERVER_EVENTS.hostResults, (results: TQuestionResults) => {
      setView((current) => (current ? { ...current, results, progress: { questionIndex: results.questionIndex, answered: results.answered, joined: results.joined } } : current));
    });
    socket.on(LIVE_SERVER_EVENTS.leaderboard, (leaderboard: TLeaderboard) => setView((current) => (current ? { ...current, leaderboard } : current)));
    socket.on(LIVE_SERVER_EVENTS.hostLobby, (change: THostLobbyChange) => {
      setJoined(change.joined);
      setView((current) => {
        if (!current) return current;
        let participants = current.participants;
        if (change.added && !participants.some((p) => p.id === change.added?.id)) participants = [...participants, change.added];
        if (change.removedId) participants = participants.filter((p) => p.id !== change.removedId);
        return { ...current, participants };
      });
    });
    return () => {
      socket.close();
      socketRef.current = null;
    };
  }, [enter]);

  useEffect(() => {
    // The correctness table follows the game while it is open.
    if (isCorrectnessOpen && view?.results) void loadCorrectness();
  }, [isCorrectnessOpen, loadCorrectness, view?.results]);

  async function command(event: string, payload: Record<string, unknown>) {
    const socket = socketRef.current;
    if (!socket || isBusy) return;
    setIsBusy(true);
    setProblem(null);
    const ack = await emitLive(socket, event, { sessionId, ...payload }, 30_000);
    setIsBusy(false);
    if (ack.ok) return;
    if (ack.error.reason === 'stale-phase') await enter();
    else setProblem(ack.error.text[locale]);
  }

  if (!view) return <p role="status">{problem ?? LIVE_TEXT.connecting[locale]}</p>;
  const { session, question, progress, results, leaderboard, participants } = view;
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
          <button className="button" type="button" disabled={isBusy} data-testid="advance" onClick={() => void command(LIVE_CLIENT_EVENTS.hostAdvance, { from: { state: session.state, index: session.currentIndex } })}>
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
        <button className="button secondary" type="button" aria-expanded={isCorrectnessOpen} onClick={() => {
          setIsCorrectnessOpen(!isCorrectnessOpen);
          if (!isCorrectnessOpen) void loadCorrectness();
        }}>
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
          <div className={styles.qr} role="img" aria-label={LIVE_TEXT.qrAlt[locale]} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        </section>
      ) : null}

      {isSelfPaced && session.state === 'QUESTION' ? (
        <section className={styles.hostQuestion} aria-label={LIVE_TEXT.selfPaced[locale]}>
          <p>{LIVE_TEXT.selfPacedNote[locale]}</p>
          {session.deadline ? (
            <p>
              {LIVE_TEXT.deadline[locale]}: <strong>{new Date(session.deadline).toLocaleString(locale)}</strong>
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
          <Countdown closesAt={question.closesAt} offsetMs={offset} timeLimitS={question.timeLimitS} locale={locale} large />
          <div className={styles.hostPrompt} data-testid="host-prompt">
            <p className="muted">{LIVE_TEXT.exampleNumbers[locale]}</p>
            <MarkdownText key={question.prompt[locale]} markdown={question.prompt[locale]} className={styles.prompt} />
          </div>
          {progress ? (
            <p className={styles.bigCount}>
              <strong>{progress.answered}</strong> / {progress.joined} {LIVE_TEXT.answered[locale]}
            </p>
          ) : null}
        </section>
      ) : null}

      {session.state === 'RESULTS' && results ? <ResultsPanel results={results} locale={locale} /> : null}
      {(session.state === 'LEADERBOARD' || session.state === 'FINISHED') && leaderboard ? (
        <LeaderboardList leaderboard={leaderboard} locale={locale} heading={session.state === 'FINISHED' ? LIVE_TEXT.podium[locale] : undefined} />
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
        </p>
      ) : null}

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
