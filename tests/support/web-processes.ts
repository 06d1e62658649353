import { inject } from 'vitest';
import { createClient } from 'redis';
import { randomPort, startAppServer, type AppServer } from '../../scripts/support/app-server';

// Several real app processes (server.ts, production build) on one test database, joined by the
// machine's Redis as a deployment's web processes are. Scale-out tests need Redis: without it they
// fail with this message instead of skipping, so CI cannot pass them silently.

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** Throws unless Redis answers PING at TEST_REDIS_URL. */
export async function requireRedis(): Promise<void> {
  const client = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 1500, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`this test needs Redis at ${TEST_REDIS_URL} (start redis-server; CI's .ci/run does): ${reason}`);
  } finally {
    await client.quit().catch(() => {});
  }
}

/** Starts `count` web processes with REDIS_URL, one after the other (the first may rebuild the app). */
export async function startWebProcesses(count: number, env: Record<string, string> = {}): Promise<AppServer[]> {
  await requireRedis();
  const servers: AppServer[] = [];
  for (let i = 0; i < count; i += 1) {
    servers.push(await startAppServer({ databaseUrl: inject('databaseUrl'), port: randomPort(), authSecret: inject('authSecret'), env: { REDIS_URL: TEST_REDIS_URL, SEED_SECRET: inject('seedSecret'), ...env } }));
  }
  return servers;
}
