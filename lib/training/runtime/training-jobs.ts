import crypto from 'node:crypto';
import { z } from 'zod';
import { getBoss } from '@/lib/jobs/boss';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { ZStoredTrainingConfig } from '@/engine/playground/config-schema';

// What a training job carries through pg-boss. A run's job holds only its id and wall time (the
// configuration is in its row); a re-check carries what it replays. Both are parsed again by the
// worker: the queue is a boundary like any other.

export const ZTrainingJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run'), runId: z.string().min(1), wallMs: z.number().int().positive() }),
  z.object({
    kind: z.literal('recheck'),
    entryId: z.string().min(1),
    config: ZStoredTrainingConfig,
    epochs: z.number().int().positive(),
    wallMs: z.number().int().positive(),
    finalValAcc: z.number(),
  }),
]);
export type TTrainingJob = z.infer<typeof ZTrainingJob>;

/**
 * A run's job id, derived from the run id (PostgreSQL computes the same with `md5(id)::uuid`): a
 * second send of the same run is a no-op, and the orphan sweep finds a run's job without a column.
 */
export function trainingJobIdOf(runId: string): string {
  const hex = crypto.createHash('md5').update(runId).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A job that is still active this long after its worker took it was lost with its worker
 * (SIGKILL, a machine gone): pg-boss fails it and it is retried. The worker itself ends every run
 * by its wall time plus the hard-kill grace, so a live worker is never overtaken.
 */
function expireInSeconds(wallMs: number): number {
  return Math.ceil(wallMs / 1000) + TRAINING_LIMITS.hardKillGraceSeconds + 15;
}

/**
 * Jobs that must wait (their owner's previous run is still training) are handed back and retried
 * after RETRY_DELAY_SECONDS, keeping their place in line (pg-boss orders by creation time). The
 * limit is high because these hand-backs count as retries; a run lost with its worker is
 * restarted at most once (claim-run.ts), not by this count.
 */
const RETRY_LIMIT = 100_000;
const RETRY_DELAY_SECONDS = 1;

export async function sendTrainingRun({ queueName, runId, wallMs }: { queueName: string; runId: string; wallMs: number }): Promise<void> {
  const boss = await getBoss();
  await boss.send(queueName, { kind: 'run', runId, wallMs } satisfies TTrainingJob, {
    id: trainingJobIdOf(runId),
    expireInSeconds: expireInSeconds(wallMs),
    retryLimit: RETRY_LIMIT,
    retryDelay: RETRY_DELAY_SECONDS,
  });
}

export async function sendRecheck(queueName: string, job: Extract<TTrainingJob, { kind: 'recheck' }>): Promise<void> {
  const boss = await getBoss();
  await boss.send(queueName, job, { expireInSeconds: expireInSeconds(job.wallMs), retryLimit: 1, retryDelay: RETRY_DELAY_SECONDS });
}
