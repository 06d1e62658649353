import crypto from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { getLogger } from '@/lib/log';

// Fixed-window limits per key (user id, email, IP, socket), counted where every process of the
// deployment sees the same number: rate-limiter-flexible's Redis store when REDIS_URL is set, its
// PostgreSQL store (one table it creates, `rate_limits`) otherwise. Sign-in attempts split across
// two web processes therefore hit one budget. Each store limiter is insured by an in-memory one
// with the same limits, so a Redis or database outage degrades to per-process counting instead of
// refusing every request. Without any store configured (unit tests) the counting is in memory.

export interface RateLimitOptions {
  /** Distinguishes limiters, e.g. 'sign-in'. */
  name: string;
  points: number;
  durationSeconds: number;
}

export interface RateLimiter {
  /** Counts one action for `key`; throws AppError RATE_LIMITED ("try again in N s") when over the limit. */
  consume: (key: string, points?: number) => Promise<void>;
  /**
   * The same limit counted in this process's memory only, for keys that live in one process (a
   * socket id: a socket is connected to exactly one process). No round trip on the hot path.
   */
  consumeLocal: (key: string, points?: number) => Promise<void>;
  reset: (key: string) => Promise<void>;
}

export const RATE_LIMIT_TABLE = 'rate_limits';
/** Keys longer than this are hashed: the PostgreSQL store's key column is varchar(255). */
const MAX_PLAIN_KEY_LENGTH = 200;

type RedisClient = ReturnType<typeof createClient>;
type SharedStore = { kind: 'redis'; client: RedisClient } | { kind: 'postgres'; pool: pg.Pool } | { kind: 'memory' };
interface Limiters {
  shared: Promise<RateLimiterAbstract>;
  local: RateLimiterMemory;
}

const globalForLimiters = globalThis as unknown as { rateLimiters?: Map<string, Limiters>; rateLimitStore?: Promise<SharedStore> };

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { name } = options;
  // Built on first use: modules create their limiters at import, before the start script has
  // resolved DATABASE_URL (embedded PostgreSQL).
  const limiters = (): Limiters => {
    globalForLimiters.rateLimiters ??= new Map();
    let found = globalForLimiters.rateLimiters.get(name);
    if (!found) {
      found = { shared: createSharedLimiter(options), local: memoryLimiter(options) };
      globalForLimiters.rateLimiters.set(name, found);
    }
    return found;
  };
  return {
    consume: async (key, cost = 1) => countOrRefuse(await limiters().shared, storeKey(key), cost),
    consumeLocal: (key, cost = 1) => countOrRefuse(limiters().local, key, cost),
    reset: async (key) => {
      const { shared, local } = limiters();
      await Promise.all([(await shared).delete(storeKey(key)), local.delete(key)]);
    },
  };
}

async function countOrRefuse(limiter: RateLimiterAbstract, key: string, cost: number): Promise<void> {
  try {
    await limiter.consume(key, cost);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError('RATE_LIMITED', { ko: `요청이 너무 많습니다. ${retryAfterSeconds}초 뒤에 다시 시도하세요.`, en: `Too many attempts. Try again in ${retryAfterSeconds} s.` }, { retryAfterSeconds });
  }
}

function storeKey(key: string): string {
  return key.length <= MAX_PLAIN_KEY_LENGTH ? key : crypto.createHash('sha256').update(key).digest('base64url');
}

function memoryLimiter({ name, points, durationSeconds }: RateLimitOptions): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
}

async function createSharedLimiter(options: RateLimitOptions): Promise<RateLimiterAbstract> {
  const store = await getSharedStore();
  const common = { keyPrefix: options.name, points: options.points, duration: options.durationSeconds, insuranceLimiter: memoryLimiter(options) };
  if (store.kind === 'redis') return new RateLimiterRedis({ ...common, storeClient: store.client, useRedisPackage: true, rejectIfRedisNotReady: true });
  if (store.kind === 'memory') return memoryLimiter(options);
  // The limiter creates its table (CREATE TABLE IF NOT EXISTS) and calls back; counting waits for it.
  return new Promise((resolve) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres({ ...common, storeClient: store.pool, storeType: 'pool', tableName: RATE_LIMIT_TABLE }, (error) => {
      if (error) getLogger().error({ err: error }, `rate limits: could not create the ${RATE_LIMIT_TABLE} table; counting per process`);
      resolve(limiter);
    });
  });
}

function getSharedStore(): Promise<SharedStore> {
  globalForLimiters.rateLimitStore ??= openSharedStore();
  return globalForLimiters.rateLimitStore;
}

async function openSharedStore(): Promise<SharedStore> {
  const { REDIS_URL, DATABASE_URL } = getConfig();
  if (REDIS_URL) {
    const client: RedisClient = createClient({ url: REDIS_URL, disableOfflineQueue: true });
    let isHealthy = true;
    client.on('error', (error: unknown) => {
      if (isHealthy) getLogger().warn({ err: error }, 'rate limits: Redis is unreachable; counting per process until it is back');
      isHealthy = false;
    });
    client.on('ready', () => (isHealthy = true));
    // Requests never wait on a Redis that does not answer: while it is not ready the insurance
    // limiter (memory) counts. Start-up waits a moment so the first requests are shared already.
    const connected = client.connect().catch(() => {});
    await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    return { kind: 'redis', client };
  }
  if (DATABASE_URL) return { kind: 'postgres', pool: new pg.Pool({ connectionString: DATABASE_URL, max: 4, allowExitOnIdle: true }) };
  return { kind: 'memory' };
}

/** Shutdown: closes the store's connection (Redis client or pg pool). */
export async function closeRateLimitStore(): Promise<void> {
  const pending = globalForLimiters.rateLimitStore;
  globalForLimiters.rateLimitStore = undefined;
  globalForLimiters.rateLimiters = undefined;
  const store = await pending;
  if (store?.kind === 'redis') await store.client.quit().catch(() => {});
  if (store?.kind === 'postgres') await store.pool.end();
}
