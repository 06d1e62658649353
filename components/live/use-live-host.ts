'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { LIVE_CLIENT_EVENTS, LIVE_SERVER_EVENTS } from '@/lib/live/protocol/live-events';
import type { TCorrectnessView, THostView } from '@/lib/live/protocol/live-payloads';
import type { LiveInput } from '@/lib/live/protocol/live-protocol';
import { clockOffset, emitLive, openLiveSocket, type LiveSocket } from '@/components/live/live-socket';

type HostCommand = typeof LIVE_CLIENT_EVENTS.hostAdvance | typeof LIVE_CLIENT_EVENTS.hostEnd | typeof LIVE_CLIENT_EVENTS.hostLock | typeof LIVE_CLIENT_EVENTS.hostKick | typeof LIVE_CLIENT_EVENTS.hostReask;

export interface LiveHost {
  view: THostView | null;
  joined: number;
  /** Milliseconds to add to Date.now() to read the server's clock. */
  offset: number;
  connection: 'connecting' | 'online' | 'offline';
  problem: string | null;
  isBusy: boolean;
  correctness: TCorrectnessView | null;
  isCorrectnessOpen: boolean;
  toggleCorrectness: () => void;
  /** Sends a host command; a stale phase re-reads the screen, anything else shows its reason. */
  command: <E extends HostCommand>(event: E, input: Omit<LiveInput<E>, 'sessionId'>) => Promise<void>;
}

/** The projector's socket and state: rebuilt from the server on every (re)connect, then kept current by events. */
export function useLiveHost(sessionId: string, locale: Locale): LiveHost {
  const socketRef = useRef<LiveSocket | null>(null);
  const [view, setView] = useState<THostView | null>(null);
  const [joined, setJoined] = useState(0);
  const [offset, setOffset] = useState(0);
  const [connection, setConnection] = useState<LiveHost['connection']>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [correctness, setCorrectness] = useState<TCorrectnessView | null>(null);
  const [isCorrectnessOpen, setIsCorrectnessOpen] = useState(false);

  const enter = useCallback(async () => {
    const socket = socketRef.current;
    if (!socket) return;
    const ack = await emitLive(socket, LIVE_CLIENT_EVENTS.hostEnter, { sessionId });
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
    const ack = await emitLive(socket, LIVE_CLIENT_EVENTS.hostCorrectness, { sessionId });
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
    socket.on(LIVE_SERVER_EVENTS.session, (session) => setView((current) => (current ? { ...current, session: { ...current.session, ...session } } : current)));
    socket.on(LIVE_SERVER_EVENTS.hostQuestion, (question) => {
      setOffset(clockOffset(question.serverNow));
      // A new question starts a new pace meter.
      setView((current) =>
        current
          ? { ...current, question, results: null, leaderboard: null, training: null, progress: { questionIndex: question.index, answered: 0, joined: current.participants.length }, pace: { questionIndex: question.index, tooFast: 0, lost: 0, joined: current.pace.joined } }
          : current,
      );
    });
    socket.on(LIVE_SERVER_EVENTS.hostProgress, (progress) => {
      setJoined(progress.joined);
      setView((current) => (current ? { ...current, progress } : current));
    });
    socket.on(LIVE_SERVER_EVENTS.hostResults, (results) => {
      setView((current) => (current ? { ...current, results, progress: { questionIndex: results.questionIndex, answered: results.answered, joined: results.joined } } : current));
    });
    socket.on(LIVE_SERVER_EVENTS.leaderboard, (leaderboard) => setView((current) => (current ? { ...current, leaderboard } : current)));
    socket.on(LIVE_SERVER_EVENTS.hostTrain, (training) => setView((current) => (current ? { ...current, training } : current)));
    socket.on(LIVE_SERVER_EVENTS.hostPace, (pace) => setView((current) => (current ? { ...current, pace } : current)));
    socket.on(LIVE_SERVER_EVENTS.hostLobby, (change) => {
      setJoined(change.joined);
      setView((current) => {
        if (!current) return current;
        let participants = current.participants;
        const added = change.added;
        // A player who comes back, or picks a team, is updated in place.
        if (added) participants = participants.some((p) => p.id === added.id) ? participants.map((p) => (p.id === added.id ? added : p)) : [...participants, added];
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

  const toggleCorrectness = () => {
    setIsCorrectnessOpen(!isCorrectnessOpen);
    if (!isCorrectnessOpen) void loadCorrectness();
  };

  const command = async <E extends HostCommand>(event: E, input: Omit<LiveInput<E>, 'sessionId'>) => {
    const socket = socketRef.current;
    if (!socket || isBusy) return;
    setIsBusy(true);
    setProblem(null);
    const ack = await emitLive(socket, event, { sessionId, ...input } as LiveInput<E>, 30_000);
    setIsBusy(false);
    if (ack.ok) return;
    if (ack.error.reason === 'stale-phase') await enter();
    else setProblem(ack.error.text[locale]);
  };

  return { view, joined, offset, connection, problem, isBusy, correctness, isCorrectnessOpen, toggleCorrectness, command };
}
