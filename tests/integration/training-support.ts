import { inject } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { TRAINING_CLIENT_EVENTS, TRAINING_SERVER_EVENTS } from '@/lib/training/training-events';
import type { TrainingAckOf, TrainingClientEvent } from '@/lib/training/training-protocol';
import type { RunProgress } from '@/engine/playground/types';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { recordSocket } from '../support/socket-recorder';

// A socket.io client of the playground protocol for integration tests: records every event
// (tests/support/socket-recorder.ts) and turns acks into promises.

export interface TrainingClient {
  socket: Socket;
  /** Every progress message received so far. */
  readonly progress: RunProgress[];
  /** The challenge ids of every leaderboard change received so far. */
  readonly leaderboardChanges: string[];
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
  const recorder = recordSocket(socket);
  const progressOf = () => recorder.payloadsOf<RunProgress>(TRAINING_SERVER_EVENTS.progress);
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
  const waitFor: TrainingClient['waitFor'] = (runId, predicate, timeoutMs = 60_000) =>
    recorder.first<RunProgress>(TRAINING_SERVER_EVENTS.progress, (p) => p.runId === runId && predicate(p), timeoutMs);
  return {
    socket,
    get progress() {
      return progressOf();
    },
    get leaderboardChanges() {
      return recorder.payloadsOf<{ challengeId: string }>(TRAINING_SERVER_EVENTS.leaderboard).map((change) => change.challengeId);
    },
    emit,
    start: (config, forkedFromId) => emit(TRAINING_CLIENT_EVENTS.start, { config, forkedFromId }),
    stop: (runId) => emit(TRAINING_CLIENT_EVENTS.stop, { runId }),
    waitFor,
    waitForEnd: (runId, timeoutMs) => waitFor(runId, isFinal, timeoutMs),
    epochsOf: (runId) => progressOf().filter((p) => p.runId === runId).flatMap((p) => p.metrics.map((m) => m.epoch)),
    close: () => socket.close(),
  };
}
