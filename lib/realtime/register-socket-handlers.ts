import type { Server } from 'socket.io';
import { registerLiveHandlers } from '@/lib/live/register-live-handlers';
import { registerTrainingHandlers } from '@/lib/training/register-training-handlers';

// Every feature's socket handlers, registered once per server. Each feature adds one line here.
export function registerSocketHandlers(io: Server): void {
  io.on('connection', (socket) => {
    socket.emit('hello', { authenticated: Boolean(socket.data.userId) });
  });
  registerLiveHandlers(io);
  registerTrainingHandlers(io);
}
