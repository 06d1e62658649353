import { inject } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { TAck } from '@/lib/errors';
import { TRAINING_CLIENT_EVENTS, TRAINING_SERVER_EVENTS } from '@/lib/training/training-events';
import type { TrainingAckOf, TrainingClientEvent } from '@/lib/training/training-protocol';
import type { RunProgress } from '@/engine/playground/types';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';

// A socket.io client of the playground protocol for integration tests: keeps every progress
// message and turns acks into promises.

export interface TrainingClient {
  socket: Socket;
  progress: RunProgress[];
  leaderboardChanges: string[];
  /** Any protocol event; the payload is not checked (tests send malformed ones), the ack is typed. */
  emit: <E extends TrainingClientEvent>(event: E, payload: unknown) => Promise<TrainingAckOf<E>>;
  start: (config: unknown, forkedFromId?: string) => Promise<TrainingAckOf<typeof TRAINING_CLIENT_EVENTS.start>>;
  stop: (runId: string) => Promise<TrainingAckOf<typeof TRAINING_CLIENT_EVENTS.stop>>;
  /** Resolves with the first progress message of the run (already received or to come) that matches. */
  waitFor: (runId: string, predicate: (progress: RunProgress) => boolean, timeoutMs?: number) => Promise<RunProgress>;
  /** Resolves when the run has ended (COMPLETED, STOPPED or FAILED). */
  waitForEnd: (runId: string, timeoutMs?: number) => Promise<RunProgress>;
  /** Every epoch streamed for the run so far. */
  epochsOf: (runId: string) => number[];
  close: () => void;
}

export const isFinal = (progress: RunProgress) => progress.status === 'COMPLETED' || progress.status === 'STOPPED' || progress.status === 'FAILED';

export interface ConnectTrainingOptions {
  /**
   * Paced (the default) behaves like a polite browser: when the server's per-socket limit
   * (10 events a second) answers RATE_LIMITED, wait a second and send again. The flood test
   * turns this off to see the limit itself.
   */
  isPaced?: boolean;
}

export async function connectTraining(cookie?: string, baseUrl = inject('baseUrl'), { isPaced = true }: ConnectTrainingOptions = {}): Promise<TrainingClient> {
  const socket = io(`${baseUrl}${SOCKET_NAMESPACES.training}`, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {} });
  const progress: RunProgress[] = [];
  const leaderboardChanges: string[] = [];
  const waiters: { runId: string; predicate: (p: RunProgress) => boolean; resolve: (p: RunProgress) => void }[] = [];
  socket.on(TRAINING_SERVER_EVENTS.progress, (message: RunProgress) => {
    progress.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.runId === message.runId && waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  socket.on(TRAINING_SERVER_EVENTS.leaderboard, ({ challengeId }: { challengeId: string }) => leaderboardChanges.push(challengeId));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const emitOnce = <E extends TrainingClientEvent>(event: E, payload: unknown): Promise<TrainingAckOf<E>> => socket.timeout(15_000).emitWithAck(event, payload);
  const emit = async <E extends TrainingClientEvent>(event: E, payload: unknown): Promise<TrainingAckOf<E>> => {
    for (let attempt = 1; ; attempt += 1) {
      const ack = await emitOnce(event, payload);
      const isSocketLimit = !ack.ok && ack.error.code === 'RATE_LIMITED' && ack.error.message.includes('Try again in 1 s');
      if (!isPaced || !isSocketLimit || attempt === 5) return ack;
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
  };
  const waitFor: TrainingClient['waitFor'] = (runId, predicate, timeoutMs = 60_000) => {
    const seen = progress.find((p) => p.runId === runId && predicate(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching progress for run ${runId} within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({ runId, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  };
  return {
    socket,
    progress,
    leaderboardChanges,
    emit,
    start: (config, forkedFromId) => emit(TRAINING_CLIENT_EVENTS.start, { config, forkedFromId }),
    stop: (runId) => emit(TRAINING_CLIENT_EVENTS.stop, { runId }),
    waitFor,
    waitForEnd: (runId, timeoutMs) => waitFor(runId, isFinal, timeoutMs),
    epochsOf: (runId) => progress.filter((p) => p.runId === runId).flatMap((p) => p.metrics.map((m) => m.epoch)),
    close: () => socket.close(),
  };
}

/** Unwraps a successful ack, failing the test with the server's message otherwise. */
export function expectOk<T extends object>(ack: TAck<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack;
}
