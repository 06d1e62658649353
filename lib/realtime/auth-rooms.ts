import type { Server, Socket } from 'socket.io';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';

// Every signed-in socket joins a room per user and per session (sign-in), in each namespace, so a
// revoked session's sockets are closed wherever they are: on this process, and through the Redis
// adapter on every other. Route handlers run in the same process as the socket server (server.ts
// serves both), and reach it through globalThis, like the Prisma client.

const globalForSockets = globalThis as unknown as { socketServer?: Server };

export function rememberSocketServer(io: Server | undefined): void {
  globalForSockets.socketServer = io;
}

const userRoom = (userId: string) => `auth-user:${userId}`;
const sessionRoom = (sessionId: string) => `auth-session:${sessionId}`;

export function joinAuthRooms(socket: Socket, { userId, sessionId }: { userId: string; sessionId: string | null }): void {
  void socket.join(sessionId ? [userRoom(userId), sessionRoom(sessionId)] : [userRoom(userId)]);
}

export interface DisconnectSessionSocketsOptions {
  userId: string;
  /** Only this session's sockets; else every socket of the user. */
  sessionId?: string | null;
  /** Keep this session's sockets (a password change keeps the session that made it). */
  exceptSessionId?: string | null;
}

/** Closes the sockets of a revoked session (or of every session of a user); they may reconnect only with a current session. */
export function disconnectSessionSockets({ userId, sessionId, exceptSessionId }: DisconnectSessionSocketsOptions): void {
  const io = globalForSockets.socketServer;
  if (!io) return;
  for (const name of ['/', ...Object.values(SOCKET_NAMESPACES)]) {
    const target = io.of(name).in(sessionId ? sessionRoom(sessionId) : userRoom(userId));
    (exceptSessionId ? target.except(sessionRoom(exceptSessionId)) : target).disconnectSockets(true);
  }
}
