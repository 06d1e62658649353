import type { Namespace, Server } from 'socket.io';
import { registerLiveHandlers } from '@/lib/live/register-live-handlers';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { registerTrainingHandlers } from '@/lib/training/register-training-handlers';

// Every feature's socket handlers, registered once per server, each in its own namespace.
export function registerSocketHandlers(io: Server): void {
  const greet = (namespace: Namespace | Server) =>
    namespace.on('connection', (socket) => {
      socket.emit('hello', { authenticated: Boolean(socket.data.userId) });
    });
  greet(io);
  greet(io.of(SOCKET_NAMESPACES.live));
  greet(io.of(SOCKET_NAMESPACES.training));
  registerLiveHandlers(io.of(SOCKET_NAMESPACES.live));
  registerTrainingHandlers(io.of(SOCKET_NAMESPACES.training));
}
