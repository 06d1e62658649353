import { describe, expect, it } from 'vitest';
import { suggestNextStep, type StepUnit } from '@/lib/dashboard/suggest-next-step';

const exercise = (typeId: string, attempts: number, isSolved: boolean) => ({ typeId, attempts, isSolved });

describe('suggestNextStep', () => {
  it('asks to read the first unit before anything else', () => {
    const units: StepUnit[] = [{ unitId: 'perceptron', isRead: false, exercises: [exercise('perceptron-step', 0, false)] }];
    expect(suggestNextStep(units)).toEqual({ kind: 'read-unit', unitId: 'perceptron' });
  });

  it('returns to an exercise already started but not solved before starting a new one', () => {
    const units: StepUnit[] = [
      { unitId: 'perceptron', isRead: true, exercises: [exercise('perceptron-step', 0, false), exercise('delta-rule', 2, false)] },
    ];
    expect(suggestNextStep(units)).toEqual({ kind: 'retry-exercise', unitId: 'perceptron', typeId: 'delta-rule' });
  });

  it('starts the first unattempted exercise of the first unfinished unit', () => {
    const units: StepUnit[] = [
      { unitId: 'perceptron', isRead: true, exercises: [exercise('perceptron-step', 3, true)] },
      { unitId: 'backprop', isRead: true, exercises: [exercise('comp-graph', 1, true), exercise('affine-backward', 0, false)] },
    ];
    expect(suggestNextStep(units)).toEqual({ kind: 'start-exercise', unitId: 'backprop', typeId: 'affine-backward' });
  });

  it('moves on to reading the next unit once one is finished', () => {
    const units: StepUnit[] = [
      { unitId: 'perceptron', isRead: true, exercises: [exercise('perceptron-step', 1, true)] },
      { unitId: 'backprop', isRead: false, exercises: [] },
    ];
    expect(suggestNextStep(units)).toEqual({ kind: 'read-unit', unitId: 'backprop' });
  });

  it('says done when every unit is read and every exercise solved', () => {
    expect(suggestNextStep([{ unitId: 'perceptron', isRead: true, exercises: [exercise('perceptron-step', 4, true)] }])).toEqual({ kind: 'done' });
  });
});
