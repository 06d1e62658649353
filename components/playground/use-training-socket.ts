'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { TRAINING_CLIENT_EVENTS, TRAINING_SERVER_EVENTS } from '@/lib/training/training-events';
import type { TAckError } from '@/lib/errors';
import type { TrainingAckOf } from '@/lib/training/training-protocol';
import type { AdjustableKnob } from '@/engine/playground/config-schema';
import type { RunProgress, TrainingSnapshot } from '@/engine/playground/types';
import { emitTraining, openTrainingSocket, type TrainingSocket } from './training-socket';

/** What the page knows about a run it started or watches. */
export type LiveRun = RunProgress;

export type StartAck = TrainingAckOf<typeof TRAINING_CLIENT_EVENTS.start>;
export type SetKnobAck = TrainingAckOf<typeof TRAINING_CLIENT_EVENTS.setKnob>;

/**
 * One socket.io connection for the playground: start, stop and watch runs, and merge the progress
 * stream into per-run state. A message that skips epochs (missed while reconnecting) triggers a
 * watch, which returns the whole state.
 */
export function useTrainingSocket() {
  const socketRef = useRef<TrainingSocket | null>(null);
  const [isConnected, setIsConnected] = useState(false);
  const [runs, setRuns] = useState<Record<string, LiveRun>>({});
  const runsRef = useRef(runs);
  useEffect(() => {
    runsRef.current = runs;
  }, [runs]);

  const watch = useCallback(async (runId: string) => {
    const ack = await emitTraining(socketRef.current, TRAINING_CLIENT_EVENTS.watch, { runId });
    if (ack?.ok) setRuns((previous) => ({ ...previous, [runId]: ack.progress }));
  }, []);

  useEffect(() => {
    const socket = openTrainingSocket({ reconnectionDelayMax: 3_000 });
    socketRef.current = socket;
    socket.on('connect', () => {
      setIsConnected(true);
      // After a reconnect, catch up on every run that was still going.
      for (const run of Object.values(runsRef.current)) if (run.status === 'QUEUED' || run.status === 'RUNNING') void watch(run.runId);
    });
    socket.on('disconnect', () => setIsConnected(false));
    socket.on(TRAINING_SERVER_EVENTS.progress, (message) => {
      const known = runsRef.current[message.runId];
      const lastEpoch = known?.metrics.at(-1)?.epoch ?? 0;
      const firstNew = message.metrics[0]?.epoch;
      if (known && firstNew !== undefined && firstNew > lastEpoch + 1) {
        void watch(message.runId);
        return;
      }
      setRuns((previous) => ({ ...previous, [message.runId]: mergeProgress(previous[message.runId], message) }));
    });
    return () => {
      socket.close();
      socketRef.current = null;
    };
  }, [watch]);

  const start = useCallback(async (config: unknown, options: { forkedFromId?: string; challengeId?: string } = {}): Promise<StartAck> => {
    const ack = (await emitTraining(socketRef.current, TRAINING_CLIENT_EVENTS.start, { config, ...options })) ?? offline();
    if (ack.ok) {
      setRuns((previous) => ({
        ...previous,
        [ack.runId]: previous[ack.runId] ?? { runId: ack.runId, status: ack.position > 0 ? 'QUEUED' : 'RUNNING', position: ack.position || undefined, metrics: [], totalEpochs: ack.totalEpochs },
      }));
    }
    return ack;
  }, []);

  const stop = useCallback(async (runId: string) => {
    await emitTraining(socketRef.current, TRAINING_CLIENT_EVENTS.stop, { runId });
  }, []);

  const setKnob = useCallback(async (runId: string, knob: AdjustableKnob, value: number): Promise<SetKnobAck> => {
    const ack = await emitTraining(socketRef.current, TRAINING_CLIENT_EVENTS.setKnob, { runId, knob, value });
    return ack ?? offline();
  }, []);

  return { isConnected, runs, start, stop, watch, setKnob };
}

function mergeProgress(known: LiveRun | undefined, message: RunProgress): LiveRun {
  if (!known) return message;
  const lastEpoch = known.metrics.at(-1)?.epoch ?? 0;
  const fresh = message.metrics.filter((m) => m.epoch > lastEpoch);
  return {
    ...known,
    status: message.status,
    position: message.status === 'QUEUED' ? message.position : undefined,
    metrics: fresh.length > 0 ? [...known.metrics, ...fresh] : known.metrics,
    snapshot: message.snapshot ?? known.snapshot,
    frames: mergeFrames(known.frames ?? [], message.frames ?? []),
    totalEpochs: message.totalEpochs || known.totalEpochs,
    stopReason: message.stopReason ?? known.stopReason,
    error: message.error ?? known.error,
    finalValAcc: message.finalValAcc ?? known.finalValAcc,
  };
}

/** The timeline's pictures by epoch: new ones appended, a repeated epoch replaced. */
function mergeFrames(known: TrainingSnapshot[], fresh: TrainingSnapshot[]): TrainingSnapshot[] {
  if (fresh.length === 0) return known;
  const byEpoch = new Map(known.map((frame) => [frame.epoch, frame]));
  for (const frame of fresh) byEpoch.set(frame.epoch, frame);
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}

/** The ack a call gets when no connection answered: every ack type's error branch. */
function offline(): TAckError {
  const text = { ko: '서버에 연결되어 있지 않습니다. 잠시 뒤 다시 시도하세요.', en: 'Not connected to the server. Try again in a moment.' };
  return { ok: false, error: { code: 'UNAVAILABLE', reason: 'offline', message: text.en, text } };
}
