'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { LIVE_CLIENT_EVENTS, LIVE_SERVER_EVENTS } from '@/lib/live/protocol/live-events';
import type { TPlayerView } from '@/lib/live/protocol/live-payloads';
import type { Draft } from '@/components/exercises/draft';
import { guestTokenKey } from '@/components/live/guest-token-storage';
import { clockOffset, emitLive, openLiveSocket, type LiveAckError, type LiveSocket } from '@/components/live/live-socket';
import { LIVE_TEXT } from '@/components/live/live-text';

export type Fatal = { text: string; canRejoin: boolean };
type Pending = { questionIndex: number; answer: Draft };

export interface LivePlayer {
  view: TPlayerView | null;
  connection: 'connecting' | 'online' | 'offline';
  fatal: Fatal | null;
  /** Milliseconds to add to Date.now() to read the server's clock. */
  offset: number;
  status: 'idle' | 'sending' | 'resending';
  problem: string | null;
  setProblem: (problem: string | null) => void;
  submit: (questionIndex: number, answer: Draft) => Promise<void>;
  /** PICK team mode, in the lobby. */
  pickTeam: (team: number) => Promise<void>;
  /** The player's pace signal on the current question (null: none). */
  pace: 'too-fast' | 'lost' | null;
  signalPace: (kind: 'too-fast' | 'lost' | 'clear') => Promise<void>;
}

/**
 * The player's socket and state. Everything shown is rebuilt from the server on every (re)connect,
 * so a reload, a dropped connection or a server restart lands on the same question with the same
 * answer and score. An answer whose acknowledgement was lost is sent again after reconnecting;
 * the server keeps the first one.
 */
export function useLivePlayer(sessionId: string, locale: Locale): LivePlayer {
  const socketRef = useRef<LiveSocket | null>(null);
  const pending = useRef<Pending | null>(null);
  const [view, setView] = useState<TPlayerView | null>(null);
  const [connection, setConnection] = useState<LivePlayer['connection']>('connecting');
  const [fatal, setFatal] = useState<Fatal | null>(null);
  const [offset, setOffset] = useState(0);
  const [status, setStatus] = useState<LivePlayer['status']>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const [pace, setPace] = useState<{ index: number; kind: 'too-fast' | 'lost' } | null>(null);

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
      const ack = await emitLive(socket, LIVE_CLIENT_EVENTS.submit, { sessionId, questionIndex, answer });
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
      const ack = await emitLive(socket, LIVE_CLIENT_EVENTS.enter, { sessionId });
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
    socket.on(LIVE_SERVER_EVENTS.session, (session) => {
      setView((current) => (current ? { ...current, session } : current));
      // A self-paced session that ends has no per-question results to send: read the final standing.
      if (session.mode === 'SELF_PACED' && session.state === 'FINISHED') void enter();
    });
    socket.on(LIVE_SERVER_EVENTS.question, (question) => {
      setOffset(clockOffset(question.serverNow));
      setProblem(null);
      setView((current) => (current ? { ...current, question, submission: null, result: null, leaderboard: null, training: null, you: { ...current.you, team: question.team ?? current.you.team } } : current));
    });
    // Predict, then train: the curve as the model trains, then the outcome (before this player's result).
    socket.on(LIVE_SERVER_EVENTS.train, (training) => setView((current) => (current ? { ...current, question: null, training } : current)));
    socket.on(LIVE_SERVER_EVENTS.result, (result) => {
      setView((current) =>
        current
          ? { ...current, question: null, result, you: { ...current.you, score: result.totalScore, streak: result.streak, rank: result.rank, participantCount: result.participantCount } }
          : current,
      );
    });
    socket.on(LIVE_SERVER_EVENTS.leaderboard, (leaderboard) => setView((current) => (current ? { ...current, leaderboard } : current)));
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
      const ack = await emitLive(socket, LIVE_CLIENT_EVENTS.next, { sessionId });
      if (ack.ok) showView(ack.view);
    }, Math.max(0, new Date(selfPacedCloses).getTime() - offset - Date.now()) + 300);
    return () => clearTimeout(timer);
  }, [offset, selfPacedCloses, sessionId, showView]);

  const pickTeam = async (team: number) => {
    const socket = socketRef.current;
    if (!socket) return;
    const ack = await emitLive(socket, LIVE_CLIENT_EVENTS.pickTeam, { sessionId, team });
    if (ack.ok) setView((current) => (current ? { ...current, you: { ...current.you, team: ack.team } } : current));
    else setProblem(ack.error.text[locale]);
  };

  const currentIndex = view?.session.currentIndex ?? -1;
  const signalPace = async (kind: 'too-fast' | 'lost' | 'clear') => {
    const socket = socketRef.current;
    if (!socket) return;
    const ack = await emitLive(socket, LIVE_CLIENT_EVENTS.pace, { sessionId, kind });
    if (ack.ok) setPace(kind === 'clear' ? null : { index: currentIndex, kind });
    else setProblem(ack.error.text[locale]);
  };

  // The signal belongs to one question: a new one starts without it, as on the host's meter.
  const currentPace = pace && pace.index === currentIndex ? pace.kind : null;
  return { view, connection, fatal, offset, status, problem, setProblem, submit, pickTeam, pace: currentPace, signalPace };
}
