import type { TTrainingConfig } from '@/engine/playground/config-schema';
import type { TPredictionKind } from '@/lib/live/protocol/predict-setup';

// The rules that decide a predict-then-train question, on the trained run's curve (pure: the
// integration test re-trains from the stored seed with the engine and applies them again).
// "Initial" is the loss of an uninformed guess — ln K for K classes (2 on the plane, 10 digits,
// `symbols` for the RNN/LSTM, `vocab` for the Transformer), an error rate of ½ for the perceptron
// — or the loss after the first epoch when that is lower (the delta rule: always the first epoch).
// So a run whose first epoch blows the loss up and then falls back to guessing is flat, not fast.
//   diverges — the loss became NaN or infinite (the run stopped there), or the final loss is
//              above DIVERGE_FACTOR × initial;
//   flat     — otherwise, the final loss is at least FLAT_SHARE × initial;
//   fast     — otherwise, the loss reached HALF × initial within the first FAST_SHARE of the
//              planned epochs (rounded up);
//   slow     — everything else (it learns, but later or never reaches half).
// Accuracy bins: the final validation accuracy (a diverged run counts 0) in [0, .6), [.6, .8),
// [.8, .95), [.95, 1]. Versus: the higher final validation accuracy wins (a diverged run loses);
// closer than TIE_ACC, the lower final validation loss wins; still equal, A.

export const PREDICT_RULES = { DIVERGE_FACTOR: 1.5, FLAT_SHARE: 0.95, HALF: 0.5, FAST_SHARE: 1 / 3, TIE_ACC: 0.005 } as const;

export interface RunCurvePoint {
  epoch: number;
  loss: number;
  valLoss: number;
  valAcc: number;
}

export interface RunToJudge {
  /** Every trained epoch, in order. */
  metrics: readonly RunCurvePoint[];
  /** The epoch the loss became NaN or infinite (the run failed there), or null. */
  divergedAt: number | null;
  /** The epochs the configuration asked for. */
  plannedEpochs: number;
  /** The loss of an uninformed guess (chanceLoss), or null where there is none. */
  chanceLoss: number | null;
}

/** The loss of an uninformed guess for a configuration's task, or null (the delta rule's squared error). */
export function chanceLoss(config: TTrainingConfig): number | null {
  switch (config.model) {
    case 'perceptron':
      return 0.5;
    case 'delta-rule':
      return null;
    case 'mlp':
      return Math.log(2);
    case 'cnn':
      return Math.log(10);
    case 'rnn':
    case 'lstm':
      return Math.log(config.symbols);
    case 'transformer':
      return Math.log(config.vocab);
  }
}

export interface RunVerdict {
  outcome: 'diverges' | 'flat' | 'slow' | 'fast';
  epochs: number;
  initialLoss: number | null;
  finalLoss: number | null;
  finalValLoss: number | null;
  /** 0 for a diverged run. */
  finalValAcc: number;
  /** The first epoch whose loss is at most HALF × initial, or null. */
  halfEpoch: number | null;
}

export function judgeRun({ metrics, divergedAt, plannedEpochs, chanceLoss: guess }: RunToJudge): RunVerdict {
  const first = metrics[0];
  const last = metrics.at(-1);
  const isFiniteCurve = metrics.every((point) => Number.isFinite(point.loss));
  const initialLoss = first && Number.isFinite(first.loss) ? (guess === null ? first.loss : Math.min(first.loss, guess)) : null;
  const finalLoss = last && Number.isFinite(last.loss) ? last.loss : null;
  const halfEpoch = initialLoss === null ? null : (metrics.find((point) => point.loss <= PREDICT_RULES.HALF * initialLoss)?.epoch ?? null);
  const base = { epochs: metrics.length, initialLoss, finalLoss, halfEpoch };
  const isDiverged = divergedAt !== null || !isFiniteCurve || initialLoss === null || finalLoss === null || finalLoss > PREDICT_RULES.DIVERGE_FACTOR * initialLoss;
  if (isDiverged) return { ...base, outcome: 'diverges', finalValLoss: null, finalValAcc: 0 };
  const verdict = { ...base, finalValLoss: Number.isFinite(last!.valLoss) ? last!.valLoss : null, finalValAcc: last!.valAcc };
  if (finalLoss >= PREDICT_RULES.FLAT_SHARE * initialLoss) return { ...verdict, outcome: 'flat' };
  const fastBy = Math.ceil(plannedEpochs * PREDICT_RULES.FAST_SHARE);
  return { ...verdict, outcome: halfEpoch !== null && halfEpoch <= fastBy ? 'fast' : 'slow' };
}

export function accuracyBin(valAcc: number): string {
  if (valAcc < 0.6) return 'acc-0-60';
  if (valAcc < 0.8) return 'acc-60-80';
  if (valAcc < 0.95) return 'acc-80-95';
  return 'acc-95-100';
}

/** The right answer of a question: a choice id of PREDICT_CHOICES[prediction]. */
export function decidePrediction(prediction: TPredictionKind, verdicts: readonly RunVerdict[]): string {
  const [a, b] = verdicts;
  if (prediction === 'outcome') return a.outcome;
  if (prediction === 'accuracy') return accuracyBin(a.finalValAcc);
  const isADiverged = a.outcome === 'diverges';
  const isBDiverged = b.outcome === 'diverges';
  if (isADiverged !== isBDiverged) return isADiverged ? 'b' : 'a';
  if (Math.abs(a.finalValAcc - b.finalValAcc) >= PREDICT_RULES.TIE_ACC) return a.finalValAcc > b.finalValAcc ? 'a' : 'b';
  const lossA = a.finalValLoss ?? Number.POSITIVE_INFINITY;
  const lossB = b.finalValLoss ?? Number.POSITIVE_INFINITY;
  return lossB < lossA ? 'b' : 'a';
}
