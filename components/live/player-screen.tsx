'use client';

import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Socket } from 'socket.io-client';
import { validateAnswer } from '@/engine/exercises/validate-answer';
import type { Locale } from '@/lib/i18n/locales';
import { LIVE_CLIENT_EVENTS, LIVE_SERVER_EVENTS } from '@/lib/live/live-events';
import type { TLeaderboard, TPlayerQuestion, TPlayerResult, TPlayerView, TPublicSession } from '@/lib/live/live-payloads';
import { AnswerInput } from '@/components/exercises/answer-input';
import { draftFromAnswer, emptyDraft, setAt, type CellPath, type Draft } from '@/components/exercises/draft';
import { MarkdownText } from '@/components/exercises/markdown-text';
import { Countdown } from '@/components/live/countdown';
import { guestTokenKey } from '@/components/live/guest-token-storage';
import { LeaderboardList } from '@/components/live/leaderboard-list';
import { clockOffset, emitLive, openLiveSocket, type LiveAckError } from '@/components/live/live-socket';
import { LIVE_TEXT, formatRank } from '@/components/live/live-text';
import styles from '@/components/live/live.module.css';

export interface PlayerScreenProps {
  sessionId: string;
  locale: Locale;
}

type Fatal = { text: string; canRejoin: boolean };
type Pending = { questionIndex: number; answer: Draft };

/**
 * The student's phone screen. Everything shown is rebuilt from the server on every (re)connect,
 * so a reload, a dropped connection or a server restart lands on the same question with the same
 * answer and score. An answer whose acknowledgement was lost is sent again after reconnecting;
 * the server keeps the first one.
 */
export function PlayerScreen({ sessionId, locale }: PlayerScreenProps) {
  const idPrefix = useId().replace(/:/g, '');
  const socketRef = useRef<Socket | null>(null);
  const pending = useRef<Pending | null>(null);
  const [view, setView] = useState<TPlayerView | null>(null);
  const [connection, setConnection] = useState<'connecting' | 'online' | 'offline'>('connecting');
  const [fatal, setFatal] = useState<Fatal | null>(null);
  const [offset, setOffset] = useState(0);
  const [draft, setDraft] = useState<{ index: number; value: Draft } | null>(null);
  const [status, setStatus] = useState<'idle' | 'sending' | 'resending'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  const showView = useCallback((next: TPlayerView) => {
    setView(next);
    if (next.question) setOffset(clockOffset(next.question.serverNow));
  }, []);

  const submit = useCallback(
    async (questionIndex: number, answer: Draft) => {
      const socket = socketRef.current;
      if (!socket) return;
      pending.current = { questionIndex, answer };
      setStatus((current) => (current === 'resending' ? current : 'sending'));
      setProblem(null);
      const ack = await emitLive<{ questionIndex: number; answer: Draft; msToAnswer: number; view?: TPlayerView }>(socket, LIVE_CLIENT_EVENTS.submit, { sessionId, questionIndex, answer });
      if (ack.ok) {
        pending.current = null;
        setStatus('idle');
        // Self-paced: the answer's result and the next question arrive with the acknowledgement.
        if (ack.view) showView(ack.view);
        else setView((current) => (current ? { ...current, submission: { questionIndex, answer: ack.answer, msToAnswer: ack.msToAnswer } } : current));
        return;
      }
      if (ack.error.reason === 'offline') {
        // Kept in `pending`: sent again once the connection is back.
        setStatus('resending');
        return;
      }
      pending.current = null;
      setStatus('idle');
      setProblem(ack.error.text[locale]);
    },
    [locale, sessionId, showView],
  );

  useEffect(() => {
    const token = window.localStorage.getItem(guestTokenKey(sessionId));
    const socket = openLiveSocket(token ? { guestToken: token } : {});
    socketRef.current = socket;

    const failWith = (error: LiveAckError) => {
      const canRejoin = ['not-joined', 'session-not-found'].includes(error.reason);
      if (['not-joined', 'kicked', 'session-not-found'].includes(error.reason)) setFatal({ text: error.text[locale], canRejoin });
      else setProblem(error.text[locale]);
    };

    const enter = async () => {
      const ack = await emitLive<{ view: TPlayerView }>(socket, LIVE_CLIENT_EVENTS.enter, { sessionId });
      if (!ack.ok) return failWith(ack.error);
      showView(ack.view);
      const waiting = pending.current;
      if (waiting && !ack.view.submission && ack.view.question?.index === waiting.questionIndex) await submit(waiting.questionIndex, waiting.answer);
      else if (waiting) {
        pending.current = null;
        setStatus('idle');
      }
    };

    socket.on('connect', () => {
      setConnection('online');
      // A recovered connection got its missed events replayed; anything else re-reads the state.
      if (!socket.recovered) void enter();
      else if (pending.current) void submit(pending.current.questionIndex, pending.current.answer);
    });
    socket.on('disconnect', () => setConnection('offline'));
    socket.on(LIVE_SERVER_EVENTS.session, (session: TPublicSession) => {
      setView((current) => (current ? { ...current, session } : current));
      // A self-paced session that ends has no per-question results to send: read the final standing.
      if (session.mode === 'SELF_PACED' && session.state === 'FINISHED') void enter();
    });
    socket.on(LIVE_SERVER_EVENTS.question, (question: TPlayerQuestion) => {
      setOffset(clockOffset(question.serverNow));
      setProblem(null);
      setView((current) => (current ? { ...current, question, submission: null, result: null, leaderboard: null } : current));
    });
    socket.on(LIVE_SERVER_EVENTS.result, (result: TPlayerResult) => {
      setView((current) =>
        current
          ? { ...current, question: null, result, you: { ...current.you, score: result.totalScore, streak: result.streak, rank: result.rank, participantCount: result.participantCount } }
          : current,
      );
    });
    socket.on(LIVE_SERVER_EVENTS.leaderboard, (leaderboard: TLeaderboard) => setView((current) => (current ? { ...current, leaderboard } : current)));
    socket.on(LIVE_SERVER_EVENTS.kicked, () => {
      setFatal({ text: LIVE_TEXT.kicked[locale], canRejoin: false });
      socket.close();
    });
    return () => {
      socket.close();
      socketRef.current = null;
    };
  }, [locale, sessionId, showView, submit]);

  // Self-paced: when this player's time for the question runs out, the server records it as missed
  // and sends the next one (the server checks the time itself; this only asks).
  const selfPacedCloses = view?.session.mode === 'SELF_PACED' && view.session.state === 'QUESTION' ? (view.question?.closesAt ?? null) : null;
  useEffect(() => {
    if (!selfPacedCloses) return;
    const timer = setTimeout(async () => {
      const socket = socketRef.current;
      if (!socket) return;
      const ack = await emitLive<{ view: TPlayerView }>(socket, LIVE_CLIENT_EVENTS.next, { sessionId });
      if (ack.ok) showView(ack.view);
    }, Math.max(0, new Date(selfPacedCloses).getTime() - offset - Date.now()) + 300);
    return () => clearTimeout(timer);
  }, [offset, selfPacedCloses, sessionId, showView]);

  if (fatal) {
    return (
      <PlayView>
        <div className={styles.player}>
          <p className="error" role="alert">{fatal.text}</p>
          {fatal.canRejoin ? <Link className="button" href="/join">{LIVE_TEXT.rejoin[locale]}</Link> : null}
        </div>
      </PlayView>
    );
  }
  if (!view) {
    return (
      <PlayView>
        <p className={styles.player} role="status">{LIVE_TEXT.connecting[locale]}</p>
      </PlayView>
    );
  }

  const { session, you, question, submission, result, leaderboard } = view;
  const isSelfPaced = session.mode === 'SELF_PACED';
  const questionDraft = question ? (draft?.index === question.index ? draft.value : null) ?? (submission ? draftFromAnswer(question.answerSpec, submission.answer) : null) ?? emptyDraft(question.answerSpec) : null;

  function change(path: CellPath, value: string) {
    if (!question || questionDraft === null) return;
    setDraft({ index: question.index, value: setAt(questionDraft, path, value) });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!question || questionDraft === null || submission || status !== 'idle') return;
    const checked = validateAnswer(question.answerSpec, questionDraft);
    if (!checked.ok) {
      setProblem(checked.message[locale]);
      return;
    }
    void submit(question.index, questionDraft);
  }

  return (
    <PlayView>
      <div className={styles.player} data-state={session.state}>
        <header className={styles.playerBar}>
          <span className={styles.nickname} data-testid="my-nickname">{you.nickname}</span>
          <span data-testid="my-score">
            {LIVE_TEXT.totalScore[locale]} <strong>{you.score.toLocaleString(locale)}</strong>
          </span>
          {you.streak > 1 ? <span>{LIVE_TEXT.streak[locale]} <strong>{you.streak}</strong></span> : null}
        </header>
        {connection === 'offline' ? <p className={styles.offline} role="status">{LIVE_TEXT.offline[locale]}</p> : null}

        {session.state === 'LOBBY' ? (
          <section className={styles.center} data-testid="lobby">
            <h1>{LIVE_TEXT.lobbyIn[locale]}</h1>
            <p className="muted">{LIVE_TEXT.lobbyWait[locale]}</p>
          </section>
        ) : null}

        {/* A single-value answer's empty draft is '' (falsy): compare with null, never truthiness. */}
        {session.state === 'QUESTION' && question && questionDraft !== null ? (
          <section aria-labelledby={`${idPrefix}-title`} data-testid="question">
            <div className={styles.questionHead}>
              <h1 id={`${idPrefix}-title`}>
                {LIVE_TEXT.question[locale]} {question.index + 1} {LIVE_TEXT.of[locale]} {question.questionCount} · {question.title[locale]}
              </h1>
              <Countdown closesAt={question.closesAt} offsetMs={offset} timeLimitS={question.timeLimitS} locale={locale} />
            </div>
            <MarkdownText key={question.prompt[locale]} markdown={question.prompt[locale]} className={styles.prompt} />
            <form onSubmit={onSubmit} noValidate className={styles.answerForm}>
              <AnswerInput
                spec={question.answerSpec}
                draft={questionDraft}
                label={LIVE_TEXT.answer[locale]}
                locale={locale}
                parts={null}
                editedCells={new Set()}
                firstWrong={null}
                isDisabled={Boolean(submission) || status !== 'idle'}
                idPrefix={idPrefix}
                onChange={change}
              />
              {submission ? (
                <p className="success" role="status" data-testid="submitted">✓ {LIVE_TEXT.submitted[locale]}</p>
              ) : (
                <p>
                  <button className="button" type="submit" disabled={status !== 'idle'}>
                    {status === 'idle' ? LIVE_TEXT.submit[locale] : status === 'sending' ? LIVE_TEXT.sending[locale] : LIVE_TEXT.resending[locale]}
                  </button>
                </p>
              )}
              <div role="status" aria-live="polite">{problem ? <p className="error">{problem}</p> : null}</div>
            </form>
          </section>
        ) : null}

        {session.state === 'QUESTION' && !question ? (
          <p className={styles.center} role="status">{isSelfPaced ? LIVE_TEXT.allDone[locale] : LIVE_TEXT.timeUp[locale]}</p>
        ) : null}

        {result && (session.state !== 'QUESTION' || isSelfPaced) ? <ResultCard result={result} locale={locale} /> : null}

        {session.state === 'RESULTS' ? <p className="muted">{LIVE_TEXT.waitingNext[locale]}</p> : null}

        {leaderboard && (session.state === 'LEADERBOARD' || session.state === 'FINISHED' || (isSelfPaced && !question)) ? (
          <>
            <LeaderboardList leaderboard={leaderboard} locale={locale} highlight={you.nickname} heading={session.state === 'FINISHED' ? LIVE_TEXT.podium[locale] : undefined} />
            <p className={styles.myRank} data-testid="my-rank">
              {LIVE_TEXT.yourRank[locale]}: <strong>{formatRank(you.rank, you.participantCount, locale)}</strong>
            </p>
          </>
        ) : null}
        {session.state === 'FINISHED' ? <p className={styles.center}>{LIVE_TEXT.finished[locale]}</p> : null}
      </div>
    </PlayView>
  );
}

/**
 * A focused full-screen play view, as Kahoot's: it covers the site header and navigation, so a
 * phone shows only the game (the page behind it does not scroll).
 */
function PlayView({ children }: { children: ReactNode }) {
  return (
    <div className={styles.playView} data-testid="play-view">
      {children}
    </div>
  );
}

function ResultCard({ result, locale }: { result: TPlayerResult; locale: Locale }) {
  const verdict = !result.answered ? LIVE_TEXT.noAnswer[locale] : result.correct ? LIVE_TEXT.correct[locale] : result.grade > 0 ? LIVE_TEXT.partly[locale] : LIVE_TEXT.wrong[locale];
  return (
    <section className={styles.result} data-correct={result.correct} data-testid="result" aria-live="polite">
      <h2>
        {result.correct ? '✓' : '✗'} {verdict}
        <span className={styles.gained}>+{result.points.toLocaleString(locale)} {LIVE_TEXT.points[locale]}</span>
      </h2>
      {result.feedback ? <p>{result.mistake ? <strong>{LIVE_TEXT.mistake[locale]}: </strong> : null}{result.feedback[locale]}</p> : null}
      <p>
        {LIVE_TEXT.rank[locale]}: <strong>{formatRank(result.rank, result.participantCount, locale)}</strong> · {LIVE_TEXT.totalScore[locale]}{' '}
        <strong>{result.totalScore.toLocaleString(locale)}</strong>
        {result.streak > 1 ? ` · ${LIVE_TEXT.streak[locale]} ${result.streak}` : ''}
      </p>
    </section>
  );
}
