import { Server } from 'socket.io';
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { getLogger } from '@/lib/log';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { challengeRoom, userRoom } from '../training-events';
import type { TrainingPublisher } from './training-job-worker';

// How a worker process (no HTTP server, no sockets of its own) reaches the browsers: a port-less
// socket.io Server on the same Redis streams adapter as the web processes. Its room broadcasts go
// into the Redis stream; every web process delivers them to the sockets it holds in that room, so
// a student's epochs arrive on whichever web process they are connected to. Connection state
// recovery is on here too, so each broadcast carries the stream offset a reconnecting browser
// resumes from.

export interface RedisPublisher {
  publisher: TrainingPublisher;
  close: () => Promise<void>;
}

export async function createRedisPublisher(redisUrl: string): Promise<RedisPublisher> {
  const redis = createClient({ url: redisUrl });
  redis.on('error', (error) => getLogger().error({ err: error }, 'redis error'));
  await redis.connect();
  const io = new Server({ adapter: createAdapter(redis), connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true } });
  const training = io.of(SOCKET_NAMESPACES.training);
  return {
    publisher: {
      toUser: (userId, event, payload) => training.to(userRoom(userId)).emit(event, payload),
      toChallenge: (challengeId, event, payload) => training.to(challengeRoom(challengeId)).emit(event, payload),
    },
    close: async () => {
      await io.close();
      await redis.quit().catch(() => {});
    },
  };
}
