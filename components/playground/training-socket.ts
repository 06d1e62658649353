'use client';

import { io, type Socket } from 'socket.io-client';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import type { TrainingAckOf, TrainingClientEvent, TrainingClientToServer, TrainingInput, TrainingServerToClient } from '@/lib/training/training-protocol';

// The browser's socket to the /training protocol (lib/training/training-protocol.ts): events,
// payloads and acks checked at compile time, as components/live/live-socket.ts does for /live.

export type TrainingSocket = Socket<TrainingServerToClient, TrainingClientToServer>;

export function openTrainingSocket(options: { reconnectionDelayMax?: number } = {}): TrainingSocket {
  return io(SOCKET_NAMESPACES.training, options);
}

/** Emits with an acknowledgement; null when no answer came in time (a dropped connection). */
export async function emitTraining<E extends TrainingClientEvent>(socket: TrainingSocket | null, event: E, input: TrainingInput<E>, timeoutMs = 15_000): Promise<TrainingAckOf<E> | null> {
  if (!socket) return null;
  try {
    // socket.io's typings of a timed emitWithAck are loose; the protocol map types the answer.
    return (await (socket as unknown as Socket).timeout(timeoutMs).emitWithAck(event, input)) as TrainingAckOf<E>;
  } catch {
    return null;
  }
}
