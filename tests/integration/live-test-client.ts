import { inject } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { solve } from '@/engine/exercises';
import type { TLiveAck } from '@/lib/live/protocol/live-payloads';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import type { TCreateLiveSession } from '@/lib/live/protocol/live-schemas';
import { liveSeed } from '@/lib/live/variants/live-variant';
import { expectOk } from '../support/acks';
import { recordSocket, type RecordedEvent } from '../support/socket-recorder';

// A socket.io client of the live protocol for integration tests: records every event a socket
// receives (the privacy test deep-scans them) and turns acks into promises.

export interface LiveTestSocket {
  socket: Socket;
  events: RecordedEvent[];
  emit: <T extends object = Record<string, unknown>>(event: string, payload: unknown) => Promise<TLiveAck<T>>;
  next: <T = unknown>(event: string, predicate?: (payload: T) => boolean, timeoutMs?: number) => Promise<T>;
  close: () => void;
}

export interface ConnectOptions {
  baseUrl?: string;
  cookie?: string;
  guestToken?: string;
}

export async function connectLive({ baseUrl = inject('baseUrl'), cookie, guestToken }: ConnectOptions = {}): Promise<LiveTestSocket> {
  const socket = io(`${baseUrl}${SOCKET_NAMESPACES.live}`, {
    // Its own connection, like another browser: socket.io-client would otherwise put this namespace
    // on a cached connection opened earlier for another namespace, with that user's cookie.
    forceNew: true,
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    auth: guestToken ? { guestToken } : {},
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  const { events, next } = recordSocket(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    events,
    emit: async (event, payload) => {
      const ack = await socket.timeout(15_000).emitWithAck(event, payload);
      events.push({ event: `ack:${event}`, payload: ack });
      return ack;
    },
    next,
    close: () => socket.close(),
  };
}

export async function createSessionOverHttp(cookie: string, input: Partial<TCreateLiveSession> & Pick<TCreateLiveSession, 'classId' | 'questions'>, baseUrl = inject('baseUrl')) {
  const response = await fetch(`${baseUrl}/api/live/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { sessionId: string; pin: string };
}

/** A two-question session open to guests (sigmoid derivative, then weight decay; 60 s each), its host in the room. */
export async function hostTwoQuestionSession(hostCookie: string, classId: string) {
  const { sessionId, pin } = await createSessionOverHttp(hostCookie, {
    classId,
    allowGuests: true,
    questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }, { typeId: 'weight-decay', timeLimitS: 60 }],
  });
  const host = await connectLive({ cookie: hostCookie });
  expectOk(await host.emit('live:host:enter', { sessionId }));
  return { sessionId, pin, host };
}

export interface JoinResult {
  /** false: no open session the caller may join has that PIN (a 200, with `reason` and `text`). */
  found: boolean;
  sessionId: string;
  participantId: string;
  nickname: string;
  guestToken: string | null;
}

export async function joinOverHttp(pin: string, { cookie, nickname, baseUrl = inject('baseUrl') }: { cookie?: string; nickname?: string; baseUrl?: string } = {}) {
  const response = await fetch(`${baseUrl}/api/live/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ pin, ...(nickname ? { nickname } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as JoinResult & { error?: { code: string; message: string } } };
}

/**
 * The right answer for a participant's variant, computed on the test side with the engine and the
 * server's seed function (keyed seed, re-drawn on a repeat in join order, read from the database).
 */
export async function correctAnswerFor(sessionId: string, index: number, participantId: string, typeId: string) {
  return solve(typeId, await liveSeed({ sessionId, questionIndex: index, participantId, typeId }));
}
