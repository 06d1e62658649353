import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { RateLimiter } from '@/lib/rate-limit';
import { toAck } from '@/lib/realtime/to-ack';

// The socket twin of handleRoute: every client → server event goes through one wrapper that
// rate-limits, authorises, parses, runs and acknowledges — exactly one ack per event, whatever
// happens. Identity comes from the handshake cookie (socket.data.userId), never from the payload.

export interface OnEventOptions {
  /**
   * Counted per socket before anything else; over the limit the ack is RATE_LIMITED. A socket is
   * connected to one process, so the count stays in that process's memory (no store round trip).
   */
  limiter?: RateLimiter;
  /** Refuse with UNAUTHORIZED unless the socket's cookie named a user; the handler then gets a string userId. */
  requireUser?: boolean;
}

export interface EventContext<U extends string | null = string | null> {
  socket: Socket;
  userId: U;
}

type Handler<S extends z.ZodType, R extends object, U extends string | null> = (input: z.infer<S>, context: EventContext<U>) => Promise<R> | R;

export const SIGN_IN_REQUIRED = { ko: '로그인하세요(세션이 만료되었을 수 있습니다).', en: 'Please sign in (your session may have expired).' };

export function onEvent<S extends z.ZodType, R extends object>(
  socket: Socket,
  event: string,
  schema: S,
  handler: Handler<S, R, string>,
  options: OnEventOptions & { requireUser: true },
): void;
export function onEvent<S extends z.ZodType, R extends object>(socket: Socket, event: string, schema: S, handler: Handler<S, R, string | null>, options?: OnEventOptions): void;
export function onEvent<S extends z.ZodType, R extends object>(
  socket: Socket,
  event: string,
  schema: S,
  handler: Handler<S, R, string>,
  { limiter, requireUser = false }: OnEventOptions = {},
): void {
  socket.on(event, async (...args: unknown[]) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (response: unknown) => void) : () => {};
    try {
      await limiter?.consumeLocal(socket.id);
      const userId = (socket.data as { userId?: string | null }).userId ?? null;
      if (requireUser && !userId) throw new AppError('UNAUTHORIZED', SIGN_IN_REQUIRED);
      const input = schema.parse(typeof args[0] === 'function' ? undefined : args[0]);
      const result = await handler(input, { socket, userId: userId as string });
      ack({ ok: true, ...result });
    } catch (error) {
      ack(toAck(error, event));
    }
  });
}
