import { describe, expect, it } from 'vitest';
import { generate, grade, seedOf, solve } from '../index';

const seed = seedOf('student', 'ecf-student', 'comp-graph', 0);
const expected = solve('comp-graph', seed) as Record<string, number>;
const given = generate('comp-graph', seed).given as Record<string, number>;

describe('comp-graph grading with error carried forward', () => {
  it('flags only the node with the slip when later nodes use the student’s own value', () => {
    const appleCost = expected.appleCost + 100;
    const subtotal = appleCost + expected.orangeCost;
    const total = subtotal * given.tax;
    const result = grade('comp-graph', seed, { ...expected, appleCost, subtotal, total, dTax: given.upstream * subtotal });
    expect(result.parts).toMatchObject({ appleCost: false, orangeCost: true, subtotal: true, total: true, dTax: true, dSubtotal: true });
    expect(result.firstWrong).toBe('appleCost');
    expect(result.score).toBeCloseTo(11 / 12, 12);
  });

  it('still marks a downstream node wrong when it is wrong for the student’s own inputs', () => {
    const result = grade('comp-graph', seed, { ...expected, subtotal: expected.subtotal + 10, total: expected.total + 1000 });
    expect(result.parts).toMatchObject({ subtotal: false, total: false, appleCost: true });
    expect(result.firstWrong).toBe('subtotal');
  });

  it('carries a wrong gradient back: inputs are checked against the student’s own upstream gradient', () => {
    const dSubtotal = expected.dSubtotal * 3;
    const answer = {
      ...expected,
      dSubtotal,
      dAppleCost: dSubtotal,
      dOrangeCost: dSubtotal,
      dApples: dSubtotal * given.applePrice,
      dApplePrice: dSubtotal * given.apples,
      dOranges: dSubtotal * given.orangePrice,
      dOrangePrice: dSubtotal * given.oranges,
    };
    const result = grade('comp-graph', seed, answer);
    expect(result.firstWrong).toBe('dSubtotal');
    expect(result.parts).toMatchObject({ dSubtotal: false, dAppleCost: true, dOrangeCost: true, dApples: true, dApplePrice: true, dOranges: true, dOrangePrice: true });
  });

  it('marks a gradient wrong when it does not follow from the student’s upstream gradient', () => {
    const result = grade('comp-graph', seed, { ...expected, dApples: expected.dApples + 1 });
    expect(result.parts).toMatchObject({ dApples: false, dApplePrice: true });
    expect(result.firstWrong).toBe('dApples');
  });

  it('gives full marks and no firstWrong to the right answer', () => {
    const result = grade('comp-graph', seed, expected);
    expect(result.correct).toBe(true);
    expect(result.firstWrong).toBeUndefined();
  });
});
