import { ZPredictTraining, type TPredictTraining } from '@/lib/live/protocol/live-payloads';
import { readPredictSetup } from '@/lib/live/state/read-predict-setup';
import { buildPredictTraining } from '@/lib/live/views/build-predict-training';
import { countPredictions } from '@/lib/live/views/count-predictions';
import { findTrainingInProgress } from '@/lib/live/views/predict-training-progress';

export interface PredictQuestionRow {
  id: string;
  index: number;
  predict: unknown;
  predictOutcome: unknown;
  closedAt: Date | null;
}

/**
 * A closed prediction question's training: as stored once decided, else as this process is
 * training it, else (training on another process, or not started yet) the class's predictions
 * with no curve yet. Null for an exercise or a question still open.
 */
export async function findPredictTraining(question: PredictQuestionRow): Promise<TPredictTraining | null> {
  const setup = readPredictSetup(question.predict);
  if (!setup || !question.closedAt) return null;
  const stored = ZPredictTraining.safeParse(question.predictOutcome);
  if (stored.success) return stored.data;
  const live = findTrainingInProgress(question.id);
  if (live) return live;
  return buildPredictTraining({ questionIndex: question.index, setup, status: 'training', votes: await countPredictions(question.id), runs: [], outcome: null });
}
