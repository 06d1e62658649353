'use client';

import { io, type Socket } from 'socket.io-client';
import type { TLiveAckError } from '@/lib/live/protocol/live-payloads';
import type { LiveAckOf, LiveClientEvent, LiveClientToServer, LiveInput, LiveServerToClient } from '@/lib/live/protocol/live-protocol';
import { MAX_SOCKET_MESSAGE_BYTES, SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';

// The browser's socket to the live protocol: same origin as the page. WebSocket first (no sticky
// sessions needed behind a load balancer), long-polling only where WebSockets are blocked.

/** A socket typed by the live protocol: events, payloads and acks checked at compile time. */
export type LiveSocket = Socket<LiveServerToClient, LiveClientToServer>;

export function openLiveSocket(auth: Record<string, string> = {}): LiveSocket {
  return io(SOCKET_NAMESPACES.live, { transports: ['websocket', 'polling'], auth, reconnectionDelay: 500, reconnectionDelayMax: 4000 });
}

export type LiveAckError = TLiveAckError;

const OFFLINE: LiveAckError = {
  code: 'NETWORK',
  reason: 'offline',
  message: 'No answer from the server.',
  text: { ko: '서버가 응답하지 않습니다. 연결을 확인하세요.', en: 'No answer from the server. Check your connection.' },
};

/** Room for socket.io's packet framing around the JSON of the event name and payload. */
const FRAMING_BYTES = 64;

const TOO_LARGE: LiveAckError = {
  code: 'PAYLOAD_TOO_LARGE',
  reason: 'payload-too-large',
  message: `That is too large to send (the limit is ${MAX_SOCKET_MESSAGE_BYTES / 1024} KB).`,
  text: { ko: `보내기에 너무 큽니다 (최대 ${MAX_SOCKET_MESSAGE_BYTES / 1024} KB).`, en: `That is too large to send (the limit is ${MAX_SOCKET_MESSAGE_BYTES / 1024} KB).` },
};

/**
 * Emits with an acknowledgement; a timeout (a dropped connection) comes back as an `offline` error.
 * A message over the server's size limit is not sent (the server would close the connection
 * without an answer): it comes back as a `payload-too-large` error at once.
 */
export async function emitLive<E extends LiveClientEvent>(socket: LiveSocket, event: E, input: LiveInput<E>, timeoutMs = 10_000): Promise<LiveAckOf<E>> {
  if (new TextEncoder().encode(JSON.stringify([event, input])).length + FRAMING_BYTES > MAX_SOCKET_MESSAGE_BYTES) return { ok: false, error: TOO_LARGE };
  try {
    // socket.io's typings of a timed emitWithAck are loose; the protocol map types the answer.
    return (await (socket as unknown as Socket).timeout(timeoutMs).emitWithAck(event, input)) as LiveAckOf<E>;
  } catch {
    return { ok: false, error: OFFLINE };
  }
}

/** Milliseconds to add to Date.now() to read the server's clock (phones' clocks drift). */
export function clockOffset(serverNow: string): number {
  return new Date(serverNow).getTime() - Date.now();
}
