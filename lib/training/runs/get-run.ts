import { getDb } from '@/lib/db';
import { getPublicLabel } from '@/lib/classes/get-public-label';
import type { Localized } from '@/lib/i18n/locales';
import { ZStoredTrainingConfig, type TTrainingConfig } from '@/engine/playground/config-schema';
import { findVisibleRunId } from './find-visible-run';
import { readStoredMetrics } from './stored-run-schema';
import { AppError } from '@/lib/errors';
import type { EpochMetric, RunStatusName, TrainingSnapshot } from '@/engine/playground/types';

/** A stored run as the run page, the compare page and the API show it. */
export type RunDetail = {
  id: string;
  isOwn: boolean;
  /** How another student's run names its owner: their public label in the class whose challenge shows it; null for one's own run. */
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
  const visibleId = await findVisibleRunId(userId, runId);
  const row = visibleId
    ? await getDb().trainingRun.findUnique({
        where: { id: visibleId },
        select: {
          id: true, userId: true, model: true, task: true, config: true, seed: true, status: true, metrics: true, finalValAcc: true,
          params: true, error: true, forkedFromId: true, createdAt: true, finishedAt: true,
          entries: { where: { challenge: { class: { memberships: { some: { userId } } } } }, select: { challenge: { select: { classId: true } } }, take: 1 },
        },
      })
    : null;
  const config = row ? ZStoredTrainingConfig.safeParse(row.config) : null;
  if (!row || !config?.success) throw new AppError('NOT_FOUND', { ko: '실행을 찾을 수 없습니다.', en: 'Run not found.' });
  const { metrics, snapshot, frames } = readStoredMetrics(row.metrics);
  return {
    id: row.id,
    isOwn: row.userId === userId,
    owner: await ownerLabel(userId, row.userId, row.entries[0]?.challenge.classId),
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

/** Never a real name: another student's run is shown by their public label in the class that made it visible. */
async function ownerLabel(viewerId: string, ownerId: string, classId: string | undefined): Promise<Localized | null> {
  if (viewerId === ownerId) return null;
  if (!classId) return { ko: '다른 학생', en: 'Another student' };
  return getPublicLabel(classId, ownerId);
}
