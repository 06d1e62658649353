import { getDb } from '@/lib/db';
import type { RunStatusName } from '@/engine/playground/types';

export type RunSummary = {
  id: string;
  model: string;
  task: string;
  status: RunStatusName;
  finalValAcc: number | null;
  params: number;
  epochs: number;
  seed: number;
  forkedFromId: string | null;
  createdAt: string;
};

/** The user's runs, newest first (at most `limit`). */
export async function listRuns({ userId, limit = 50 }: { userId: string; limit?: number }): Promise<RunSummary[]> {
  const rows = await getDb().trainingRun.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, model: true, task: true, status: true, finalValAcc: true, params: true, seed: true, config: true, forkedFromId: true, createdAt: true },
  });
  return rows.map(({ config, createdAt, ...row }) => ({
    ...row,
    epochs: readEpochs(config),
    createdAt: createdAt.toISOString(),
  }));
}

function readEpochs(config: unknown): number {
  const epochs = typeof config === 'object' && config !== null && 'epochs' in config ? config.epochs : 0;
  return typeof epochs === 'number' ? epochs : 0;
}
