import { disconnectDb } from '@/lib/db';
import { closeLiveSql } from '@/lib/live/state/live-sql';

/**
 * Closes every connection this process holds: the Prisma client and the live-play pg pool.
 * Shutdown calls it before stopping the embedded PostgreSQL, which waits for its clients.
 */
export async function closeDatabases(): Promise<void> {
  const results = await Promise.allSettled([disconnectDb(), closeLiveSql()]);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
