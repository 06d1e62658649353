import type { Socket } from 'socket.io-client';

// Every event a test's socket.io client receives, in order, with promises for the ones a test
// waits for. The live and training test clients both record through this one.

export interface RecordedEvent {
  event: string;
  payload: unknown;
}

export interface SocketRecorder {
  /** Everything received so far (the live test client also records its acks here as `ack:<event>`). */
  events: RecordedEvent[];
  /** The payloads of one event received so far. */
  payloadsOf: <T>(event: string) => T[];
  /** The next `event` to arrive that matches. */
  next: <T>(event: string, predicate?: (payload: T) => boolean, timeoutMs?: number) => Promise<T>;
  /** The first `event` that matches, already received or still to come. */
  first: <T>(event: string, predicate?: (payload: T) => boolean, timeoutMs?: number) => Promise<T>;
}

interface Waiter {
  event: string;
  predicate: (payload: unknown) => boolean;
  resolve: (payload: unknown) => void;
}

export function recordSocket(socket: Socket): SocketRecorder {
  const events: RecordedEvent[] = [];
  const waiters: Waiter[] = [];
  socket.onAny((event: string, payload: unknown) => {
    events.push({ event, payload });
    for (const waiter of [...waiters]) {
      if (waiter.event === event && waiter.predicate(payload)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(payload);
      }
    }
  });
  const payloadsOf = <T>(event: string) => events.filter((recorded) => recorded.event === event).map((recorded) => recorded.payload as T);
  const next = <T>(event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 20_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching ${event} within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({
        event,
        predicate: (payload) => predicate(payload as T),
        resolve: (payload) => {
          clearTimeout(timer);
          resolve(payload as T);
        },
      });
    });
  const first = <T>(event: string, predicate: (payload: T) => boolean = () => true, timeoutMs?: number) => {
    const seen = payloadsOf<T>(event).find(predicate);
    return seen !== undefined ? Promise.resolve(seen) : next(event, predicate, timeoutMs);
  };
  return { events, payloadsOf, next, first };
}
