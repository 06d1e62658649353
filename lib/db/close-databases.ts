import { disconnectDb } from '@/lib/db';
import { closeLiveSql } from '@/lib/live/state/live-sql';
import { closeRateLimitStore } from '@/lib/rate-limit';

/**
 * Closes every connection this process holds: the Prisma client, the live-play pg pool and the
 * rate limits' store (pg pool or Redis client).
 * Shutdown calls it before stopping the embedded PostgreSQL, which waits for its clients.
 */
export async function closeDatabases(): Promise<void> {
  const results = await Promise.allSettled([disconnectDb(), closeLiveSql(), closeRateLimitStore()]);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
