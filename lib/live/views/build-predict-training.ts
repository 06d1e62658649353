import type { EpochMetric, RunStatusName, TrainingSnapshot } from '@/engine/playground/types';
import type { TPredictCurvePoint, TPredictPicture, TPredictTraining, TPredictVerdict } from '@/lib/live/protocol/live-payloads';
import { predictChoices, type TPredictSetup } from '@/lib/live/protocol/predict-setup';

/** Points of a curve sent to phones: enough to draw it, few enough for a thousand sockets. */
export const MAX_CURVE_POINTS = 120;

export interface PredictRunState {
  label: 'A' | 'B';
  seed: number;
  status: RunStatusName;
  totalEpochs: number;
  metrics: readonly EpochMetric[];
  snapshot: TrainingSnapshot | null;
  verdict: TPredictVerdict | null;
}

export interface BuildPredictTrainingOptions {
  questionIndex: number;
  setup: TPredictSetup;
  status: TPredictTraining['status'];
  /** Predictions per choice id. */
  votes: ReadonlyMap<string, number>;
  runs: readonly PredictRunState[];
  outcome: string | null;
}

/** The training as the protocol carries it (pure): thinned curves, the class's predictions, the picture. */
export function buildPredictTraining({ questionIndex, setup, status, votes, runs, outcome }: BuildPredictTrainingOptions): TPredictTraining {
  const choices = predictChoices(setup).map(({ id, label }) => ({ id, label, count: votes.get(id) ?? 0 }));
  return {
    questionIndex,
    prediction: setup.prediction,
    status,
    answered: choices.reduce((sum, choice) => sum + choice.count, 0),
    choices,
    runs: runs.map((run) => ({ label: run.label, seed: run.seed, status: run.status, totalEpochs: run.totalEpochs, curve: thinCurve(run.metrics), verdict: run.verdict })),
    outcome,
    picture: latestPicture(runs),
  };
}

/** Every k-th epoch so at most MAX_CURVE_POINTS remain; the first and the last are always kept. */
export function thinCurve(metrics: readonly EpochMetric[]): TPredictCurvePoint[] {
  const step = Math.max(1, Math.ceil(metrics.length / (MAX_CURVE_POINTS - 1)));
  const kept = metrics.filter((_, i) => i % step === 0 || i === metrics.length - 1);
  return kept.map((metric) => ({ epoch: metric.epoch, loss: Number.isFinite(metric.loss) ? metric.loss : null, valAcc: Number.isFinite(metric.valAcc) ? metric.valAcc : 0 }));
}

/** The decision boundary of the run training now (or the last one), if its model draws one. */
function latestPicture(runs: readonly PredictRunState[]): TPredictPicture | null {
  for (const run of [...runs].reverse()) {
    const snapshot = run.snapshot;
    if (snapshot?.kind === 'boundary') return { label: run.label, epoch: snapshot.epoch, res: snapshot.res, extent: [...snapshot.extent], grid: snapshot.grid };
  }
  return null;
}
