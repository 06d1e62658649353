import { getDb } from '@/lib/db';
import { ZStoredTrainingConfig, type TTrainingConfig } from '@/engine/playground/config-schema';
import { findVisibleRunId } from './find-visible-run';
import { readStoredMetrics } from './stored-run-schema';
import { AppError } from '@/lib/errors';
import type { EpochMetric, RunStatusName, TrainingSnapshot } from '@/engine/playground/types';

/** A stored run as the run page, the compare page and the API show it. */
export type RunDetail = {
  id: string;
  isOwn: boolean;
  ownerName: string;
  model: string;
  task: string;
  config: TTrainingConfig;
  seed: number;
  status: RunStatusName;
  metrics: EpochMetric[];
  snapshot: TrainingSnapshot | null;
  finalValAcc: number | null;
  params: number;
  /** STOPPED: 'user' or 'time'; FAILED: what went wrong. */
  error: string | null;
  forkedFromId: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** A run the user may see (their own, or one entered in a challenge of their class); NOT_FOUND otherwise. */
export async function getRun({ userId, runId }: { userId: string; runId: string }): Promise<RunDetail> {
  const visibleId = await findVisibleRunId(userId, runId);
  const row = visibleId
    ? await getDb().trainingRun.findUnique({
        where: { id: visibleId },
        select: {
          id: true, userId: true, model: true, task: true, config: true, seed: true, status: true, metrics: true, finalValAcc: true,
          params: true, error: true, forkedFromId: true, createdAt: true, finishedAt: true, user: { select: { name: true } },
        },
      })
    : null;
  const config = row ? ZStoredTrainingConfig.safeParse(row.config) : null;
  if (!row || !config?.success) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  const { metrics, snapshot } = readStoredMetrics(row.metrics);
  return {
    id: row.id,
    isOwn: row.userId === userId,
    ownerName: row.user.name,
    model: row.model,
    task: row.task,
    config: config.data,
    seed: row.seed,
    status: row.status,
    metrics,
    snapshot,
    finalValAcc: row.finalValAcc,
    params: row.params,
    error: row.error,
    forkedFromId: row.forkedFromId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
