import 'server-only';
import pg from 'pg';
import { getDatabaseUrl } from '@/lib/config';
import { getLogger } from '@/lib/log';

// Who follows a prediction question's training (streams it, decides it, scores it): the process
// holding a PostgreSQL advisory lock on the question, on a connection of its own. The lock lives
// exactly as long as that connection, so when the process dies (SIGKILL, a lost machine) the
// database releases it by itself and another process may take the training over
// (live-timer-jobs.ts: the 'follow-training' job, and rearmLiveTimers at boot). No clock, no lease
// to renew: the liveness of the follower is the liveness of its database session.

export interface TrainingLease {
  /** Gives the lock back and closes its connection (idempotent). */
  release(): Promise<void>;
}

function lockKey(questionId: string): string {
  return `live-predict-train:${questionId}`;
}

/** Takes the question's training lease if no live process holds it; null when one does. */
export async function tryTakeTrainingLease(questionId: string): Promise<TrainingLease | null> {
  const client = new pg.Client({ connectionString: getDatabaseUrl(), application_name: 'backprop-live-predict-lease' });
  // A dropped connection loses the lock; the follower finishes what it does, and another process
  // may take over meanwhile (deciding and scoring are idempotent: scorePredictions stores once).
  client.on('error', (error: unknown) => getLogger().warn({ err: error, questionId }, 'live: the training lease’s connection dropped'));
  await client.connect();
  let isHeld = false;
  try {
    const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held', [lockKey(questionId)]);
    isHeld = rows[0]?.held === true;
  } finally {
    if (!isHeld) await client.end().catch(() => {});
  }
  if (!isHeld) return null;
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // Closing the connection releases the lock with it.
      await client.end().catch(() => {});
    },
  };
}
