import { getDb } from '@/lib/db';
import { getLogger } from '@/lib/log';

export interface THealth {
  ok: boolean;
  db: 'up' | 'down';
}

/** Health from a real query; a database that is gone or hangs (2 s) reports down. */
export async function checkHealth(): Promise<THealth> {
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000).unref()),
    ]);
    return { ok: true, db: 'up' };
  } catch (error) {
    getLogger().warn({ err: error }, 'health check: database down');
    return { ok: false, db: 'down' };
  }
}
