import { describe, expect, it } from 'vitest';
import { accuracyBin, decidePrediction, judgeRun, type RunCurvePoint } from '@/lib/live/state/decide-prediction';

// The rules of docs/live.md ("Predict, then train") on hand-made curves.

const curve = (losses: number[], valAcc = 0.5): RunCurvePoint[] => losses.map((loss, i) => ({ epoch: i + 1, loss, valLoss: loss, valAcc }));
const judge = (losses: number[], plannedEpochs = losses.length, chanceLoss: number | null = Math.log(2), divergedAt: number | null = null) =>
  judgeRun({ metrics: curve(losses), divergedAt, plannedEpochs, chanceLoss });

describe('predict-then-train rules', () => {
  it('calls a run that became NaN, or ended above 1.5 × the reference, diverged', () => {
    expect(judge([0.7, 0.6], 10, Math.log(2), 3).outcome).toBe('diverges');
    expect(judge([0.69, 0.9, 1.2]).outcome).toBe('diverges');
    expect(judge([0.69, Number.NaN]).outcome).toBe('diverges');
    expect(judge([0.69, 0.9, 1.2]).finalValAcc).toBe(0);
  });

  it('measures from an uninformed guess, so a first epoch that blows up and falls back to guessing is flat', () => {
    const verdict = judge([4.28, 1.0, 0.8, 0.83]);
    expect(verdict.initialLoss).toBeCloseTo(Math.log(2));
    expect(verdict.outcome).toBe('flat');
  });

  it('splits learning runs into fast and slow by the epoch the loss halves, against a third of the planned epochs', () => {
    // Reference ln 2 ≈ 0.693: half is 0.347. 9 planned epochs → fast by epoch 3.
    expect(judge([0.6, 0.5, 0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1]).outcome).toBe('fast');
    expect(judge([0.6, 0.5, 0.45, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1]).outcome).toBe('slow');
    expect(judge([0.69, 0.6, 0.55]).outcome).toBe('slow');
    expect(judge([0.69, 0.68, 0.67]).outcome).toBe('flat');
  });

  it('uses the first epoch where there is no uninformed guess (the delta rule)', () => {
    expect(judge([2, 1.98], 2, null).initialLoss).toBe(2);
    expect(judge([2, 1.98], 2, null).outcome).toBe('flat');
  });

  it('bins the final validation accuracy and picks the winner of two runs', () => {
    expect([0, 0.59, 0.6, 0.79, 0.8, 0.949, 0.95, 1].map(accuracyBin)).toEqual(['acc-0-60', 'acc-0-60', 'acc-60-80', 'acc-60-80', 'acc-80-95', 'acc-80-95', 'acc-95-100', 'acc-95-100']);
    const good = judgeRun({ metrics: curve([0.6, 0.2], 0.9), divergedAt: null, plannedEpochs: 2, chanceLoss: Math.log(2) });
    const poor = judgeRun({ metrics: curve([0.69, 0.68], 0.55), divergedAt: null, plannedEpochs: 2, chanceLoss: Math.log(2) });
    const diverged = judgeRun({ metrics: curve([0.6]), divergedAt: 2, plannedEpochs: 2, chanceLoss: Math.log(2) });
    expect(decidePrediction('versus', [poor, good])).toBe('b');
    expect(decidePrediction('versus', [good, poor])).toBe('a');
    expect(decidePrediction('versus', [diverged, poor])).toBe('b');
    // Equal accuracy: the lower final validation loss wins.
    const tiedLower = judgeRun({ metrics: curve([0.6, 0.1], 0.9), divergedAt: null, plannedEpochs: 2, chanceLoss: Math.log(2) });
    expect(decidePrediction('versus', [good, tiedLower])).toBe('b');
    expect(decidePrediction('accuracy', [good])).toBe('acc-80-95');
    expect(decidePrediction('outcome', [good])).toBe(good.outcome);
  });
});
