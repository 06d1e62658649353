import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { getConfig } from '@/lib/config';
import { findForeignOrigin } from '@/lib/http/check-origin';
import { getLogger } from '@/lib/log';
import { MAX_SOCKET_MESSAGE_BYTES, SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { rememberSocketServer } from '@/lib/realtime/auth-rooms';
import { readSocketSession } from '@/lib/realtime/read-session-user';

export interface SocketData {
  /** The signed-in user from the next-auth cookie; null for guests. Never taken from the client. */
  userId: string | null;
  /** The session (sign-in) the cookie belongs to, for closing its sockets when it is revoked. */
  authSessionId: string | null;
}


export interface SocketServerHandle {
  io: Server;
  close: () => Promise<void>;
}

/** socket.io on the app's own HTTP server (same port and origin as Next). */
export async function createSocketServer(httpServer: http.Server): Promise<SocketServerHandle> {
  const config = getConfig();
  const io = new Server(httpServer, {
    // Short drops (a phone switching networks) resume with missed events and the same socket id.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
    // A page of another site may not open a socket with this site's cookie (403, like the routes).
    allowRequest: (request, callback) => {
      const foreign = findForeignOrigin({
        origin: request.headers.origin,
        secFetchSite: headerValue(request.headers['sec-fetch-site']),
        host: request.headers.host,
        publicUrl: config.NEXTAUTH_URL,
      });
      if (foreign) getLogger().info({ detail: foreign }, 'socket.io: refused a handshake from a foreign origin');
      callback(foreign, !foreign);
    },
  });

  let redis: ReturnType<typeof createClient> | undefined;
  if (config.REDIS_URL) {
    redis = createClient({ url: config.REDIS_URL });
    redis.on('error', (error) => getLogger().error({ err: error }, 'redis error'));
    await redis.connect();
    // The streams adapter keeps connection state recovery working across processes.
    io.adapter(createAdapter(redis));
    getLogger().info('socket.io: redis streams adapter enabled');
  }

  // The session cookie is read once per connection, in every namespace (each runs its own middleware).
  // A revoked or signed-out session connects as a guest, exactly like no cookie.
  const authenticate = async (socket: Socket, next: (error?: Error) => void) => {
    const data = socket.data as SocketData;
    try {
      const session = await readSocketSession(socket.handshake.headers.cookie);
      data.userId = session?.userId ?? null;
      data.authSessionId = session?.sessionId ?? null;
    } catch (error) {
      getLogger().warn({ err: error }, 'socket auth failed');
      data.userId = null;
      data.authSessionId = null;
    }
    next();
  };
  io.use(authenticate);
  for (const name of Object.values(SOCKET_NAMESPACES)) io.of(name).use(authenticate);

  // Feature handlers register here (live sessions, training streams).
  const { registerSocketHandlers } = await import('@/lib/realtime/register-socket-handlers');
  registerSocketHandlers(io);
  rememberSocketServer(io);

  return {
    io,
    close: async () => {
      rememberSocketServer(undefined);
      await io.close();
      await redis?.quit().catch(() => {});
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
