import { getDb } from '@/lib/db';
import { ZStoredTrainingConfig, type TTrainingConfig } from '@/engine/playground/config-schema';
import { findVisibleRun } from './find-visible-run';
import { getLabelForViewer } from '@/lib/classes/get-public-label';
import { readStoredMetrics } from './stored-run-schema';
import { AppError } from '@/lib/errors';
import type { Localized } from '@/lib/i18n/locales';
import type { EpochMetric, RunStatusName, TrainingSnapshot } from '@/engine/playground/types';

/** A stored run as the run page, the compare page and the API show it. */
export type RunDetail = {
  id: string;
  isOwn: boolean;
  /**
   * Who trained it, as the viewer may see them: their real name to themselves, to the class's
   * instructors and where the class does not use nicknames; else their public label (lib/classes/get-public-label.ts).
   */
  ownerLabel: Localized;
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
  const visible = await findVisibleRun(userId, runId);
  const row = visible
    ? await getDb().trainingRun.findUnique({
        where: { id: visible.id },
        select: {
          id: true, userId: true, model: true, task: true, config: true, seed: true, status: true, metrics: true, finalValAcc: true,
          params: true, error: true, forkedFromId: true, createdAt: true, finishedAt: true, user: { select: { name: true } },
        },
      })
    : null;
  const config = row ? ZStoredTrainingConfig.safeParse(row.config) : null;
  if (!row || !config?.success) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  const { metrics, snapshot } = readStoredMetrics(row.metrics);
  const ownerLabel = visible?.classId ? await getLabelForViewer({ classId: visible.classId, viewerId: userId, userId: row.userId }) : { ko: row.user.name, en: row.user.name };
  return {
    id: row.id,
    isOwn: row.userId === userId,
    ownerLabel,
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
