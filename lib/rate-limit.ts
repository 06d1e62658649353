import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';

// Fixed-window limits per key (user id, email, IP, socket). In memory per process: a user is
// pinned to one process by sticky sessions, so per-process counting is what they experience.

export interface RateLimitOptions {
  /** Distinguishes limiters, e.g. 'sign-in'. */
  name: string;
  points: number;
  durationSeconds: number;
}

export interface RateLimiter {
  /** Counts one action for `key`; throws AppError RATE_LIMITED ("try again in N s") when over the limit. */
  consume: (key: string, points?: number) => Promise<void>;
  reset: (key: string) => Promise<void>;
}

const globalForLimiters = globalThis as unknown as { rateLimiters?: Map<string, RateLimiterMemory> };

export function createRateLimiter({ name, points, durationSeconds }: RateLimitOptions): RateLimiter {
  globalForLimiters.rateLimiters ??= new Map();
  let limiter = globalForLimiters.rateLimiters.get(name);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
    globalForLimiters.rateLimiters.set(name, limiter);
  }
  const active = limiter;
  return {
    consume: async (key, cost = 1) => {
      try {
        await active.consume(key, cost);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new AppError('RATE_LIMITED', { ko: `요청이 너무 많습니다. ${retryAfterSeconds}초 뒤에 다시 시도하세요.`, en: `Too many attempts. Try again in ${retryAfterSeconds} s.` }, { retryAfterSeconds });
      }
    },
    reset: async (key) => {
      await active.delete(key);
    },
  };
}
