import { getDb } from '@/lib/db';
import type { Localized } from '@/lib/i18n/locales';
import { ZStoredTrainingConfig, type TTrainingConfig } from '@/engine/playground/config-schema';
import { findVisibleRun } from './find-visible-run';
import { getLabelForViewer } from '@/lib/classes/get-public-label';
import { readStoredMetrics } from './stored-run-schema';
import { AppError } from '@/lib/errors';
import type { EpochMetric, RunStatusName, TrainingSnapshot } from '@/engine/playground/types';

/** A stored run as the run page, the compare page and the API show it. */
export type RunDetail = {
  id: string;
  isOwn: boolean;
  /**
   * Who trained it, as the viewer may see them; null for one's own run. Another student's run is
   * shown through the class that made it visible: their real name to the class's instructors and
   * where the class does not use nicknames, else their public label (lib/classes/get-public-label.ts).
   */
  owner: Localized | null;
  model: string;
  task: string;
  config: TTrainingConfig;
  seed: number;
  status: RunStatusName;
  metrics: EpochMetric[];
  snapshot: TrainingSnapshot | null;
  /** The timeline: every stored picture, in epoch order. */
  frames: TrainingSnapshot[];
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
          params: true, error: true, forkedFromId: true, createdAt: true, finishedAt: true,
        },
      })
    : null;
  const config = row ? ZStoredTrainingConfig.safeParse(row.config) : null;
  if (!row || !config?.success) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  const { metrics, snapshot, frames } = readStoredMetrics(row.metrics);
  return {
    id: row.id,
    isOwn: row.userId === userId,
    owner: await ownerLabel(userId, row.userId, visible?.classId ?? null),
    model: row.model,
    task: row.task,
    config: config.data,
    seed: row.seed,
    status: row.status,
    metrics,
    snapshot,
    frames,
    finalValAcc: row.finalValAcc,
    params: row.params,
    error: row.error,
    forkedFromId: row.forkedFromId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Null for one's own run; else the owner as this viewer may see them in the class that shows the run. */
async function ownerLabel(viewerId: string, ownerId: string, classId: string | null): Promise<Localized | null> {
  if (viewerId === ownerId) return null;
  if (!classId) return { ko: '다른 학생', en: 'Another student' };
  return getLabelForViewer({ classId, viewerId, userId: ownerId });
}
