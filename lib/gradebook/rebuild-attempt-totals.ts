import 'server-only';
import { getDb } from '@/lib/db';

/**
 * Recomputes every `AttemptTotal` row from the attempts (the triggers on "Attempt" keep them in
 * step; this repairs them, e.g. after a manual edit with the triggers disabled). One transaction
 * holding a SHARE lock on "Attempt": submits wait for the moment it takes, reads go on. Returns
 * the number of (student, type) rows written. Idempotent.
 */
export async function rebuildAttemptTotals(): Promise<number> {
  return getDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "Attempt" IN SHARE MODE`;
      await tx.$executeRaw`DELETE FROM "AttemptTotal"`;
      return tx.$executeRaw`
        INSERT INTO "AttemptTotal" ("userId", "typeId", attempts, solved, best, "scoreSum", "firstAt", "lastAt")
        SELECT "userId", "typeId", COUNT(*)::int, COUNT(*) FILTER (WHERE correct)::int, MAX(score), SUM(score), MIN("createdAt"), MAX("createdAt")
          FROM "Attempt"
         GROUP BY "userId", "typeId"`;
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}
