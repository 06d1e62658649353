'use client';

import { io, type Socket } from 'socket.io-client';
import type { TLiveAck } from '@/lib/live/live-payloads';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';

// The browser's socket to the live protocol: same origin as the page. WebSocket first (no sticky
// sessions needed behind a load balancer), long-polling only where WebSockets are blocked.

export function openLiveSocket(auth: Record<string, string> = {}): Socket {
  return io(SOCKET_NAMESPACES.live, { transports: ['websocket', 'polling'], auth, reconnectionDelay: 500, reconnectionDelayMax: 4000 });
}

export type LiveAckError = Extract<TLiveAck<object>, { ok: false }>['error'];

const OFFLINE: LiveAckError = {
  code: 'NETWORK',
  reason: 'offline',
  message: 'No answer from the server.',
  text: { ko: '서버가 응답하지 않습니다. 연결을 확인하세요.', en: 'No answer from the server. Check your connection.' },
};

/** Emits with an acknowledgement; a timeout (a dropped connection) comes back as an `offline` error. */
export async function emitLive<T extends object>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<TLiveAck<T>> {
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as TLiveAck<T>;
  } catch {
    return { ok: false, error: OFFLINE };
  }
}

/** Milliseconds to add to Date.now() to read the server's clock (phones' clocks drift). */
export function clockOffset(serverNow: string): number {
  return new Date(serverNow).getTime() - Date.now();
}
