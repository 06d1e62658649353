import type { Namespace, Server, Socket } from 'socket.io';
import { registerLiveHandlers } from '@/lib/live/register-live-handlers';
import { joinAuthRooms } from '@/lib/realtime/auth-rooms';
import { readSocketSession } from '@/lib/realtime/read-session-user';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { registerTrainingHandlers } from '@/lib/training/register-training-handlers';

// Every feature's socket handlers, registered once per server, each in its own namespace.
export function registerSocketHandlers(io: Server): void {
  const greet = (namespace: Namespace | Server) =>
    namespace.on('connection', async (socket) => {
      if (socket.recovered && !(await isStillSignedIn(socket))) {
        socket.disconnect(true);
        return;
      }
      if (socket.data.userId) joinAuthRooms(socket, { userId: socket.data.userId, sessionId: socket.data.authSessionId ?? null });
      socket.emit('hello', { authenticated: Boolean(socket.data.userId) });
    });
  greet(io);
  greet(io.of(SOCKET_NAMESPACES.live));
  greet(io.of(SOCKET_NAMESPACES.training));
  registerLiveHandlers(io.of(SOCKET_NAMESPACES.live));
  registerTrainingHandlers(io.of(SOCKET_NAMESPACES.training));
}

/**
 * A socket resumed by connection state recovery skips the middlewares, so its session (read at the
 * first connection) is checked again here: one revoked or signed out in the meantime does not resume.
 */
async function isStillSignedIn(socket: Socket): Promise<boolean> {
  if (!socket.data.userId) return true;
  const session = await readSocketSession(socket.handshake.headers.cookie).catch(() => null);
  return session?.userId === socket.data.userId;
}
