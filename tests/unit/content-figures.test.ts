import { describe, expect, it } from 'vitest';
import { computeShoppingGraph, SHOPPING_DEFAULTS } from '@/components/figures/comp-graph-model';
import { CONV_DEFAULTS, convolve, outputSize, windowTerms } from '@/components/figures/conv-stepper-model';
import { ATTENTION_DEFAULTS, computeAttention } from '@/components/figures/attention-heatmap-model';
import { LSTM_DEFAULTS, parseSequence, runLstm } from '@/components/figures/lstm-gates-model';
import {
  classifyWithMlp,
  classifyWithPerceptron,
  DATASET_LABELS,
  DATASET_POINTS,
  MLP_DEFAULTS,
  PERCEPTRON_DEFAULTS,
  trainOnDataset,
} from '@/components/figures/decision-boundary-model';
import { formatNumber } from '@/components/figures/format-number';

// The figures' numbers, checked against the worked examples printed in the units (content/units),
// which were computed by hand, and against plain-arithmetic references written here.

describe('comp-graph figure (unit 2, shopping example)', () => {
  it('gives the unit’s forward total 715 and gradients 110, 2.2, 3.3, 165, 650 from the engine’s backward', () => {
    const graph = computeShoppingGraph(SHOPPING_DEFAULTS);
    expect(graph.total.value).toBeCloseTo(715, 9);
    expect(graph.applePrice.grad).toBeCloseTo(2.2, 9);
    expect(graph.appleCount.grad).toBeCloseTo(110, 9);
    expect(graph.orangePrice.grad).toBeCloseTo(3.3, 9);
    expect(graph.orangeCount.grad).toBeCloseTo(165, 9);
    expect(graph.tax.grad).toBeCloseTo(650, 9);
    expect(graph.subtotal.grad).toBeCloseTo(1.1, 9);
    expect(graph.total.grad).toBe(1);
  });

  it('follows the copy rule at the add node and the swap rule at multiply nodes for other inputs', () => {
    const inputs = { applePrice: 7, appleCount: -3, orangePrice: 0.5, orangeCount: 12, tax: 2 };
    const graph = computeShoppingGraph(inputs);
    expect(graph.apples.grad).toBe(graph.subtotal.grad);
    expect(graph.oranges.grad).toBe(graph.subtotal.grad);
    expect(graph.applePrice.grad).toBeCloseTo(inputs.appleCount * inputs.tax, 12);
    expect(graph.tax.grad).toBeCloseTo(inputs.applePrice * inputs.appleCount + inputs.orangePrice * inputs.orangeCount, 12);
  });
});

describe('conv-stepper figure (unit 4)', () => {
  it('reproduces the unit’s convolved feature [[4,3,4],[2,4,3],[2,3,4]]', () => {
    expect(convolve(CONV_DEFAULTS)).toEqual([
      [4, 3, 4],
      [2, 4, 3],
      [2, 3, 4],
    ]);
  });

  it('matches the output-size formula and the sum of the shown products for every stride and padding', () => {
    for (const stride of [1, 2]) {
      for (const padding of [0, 1]) {
        const setup = { ...CONV_DEFAULTS, stride, padding };
        const output = convolve(setup);
        expect(output.length).toBe(outputSize(5, 3, stride, padding));
        output.forEach((row, r) =>
          row.forEach((value, c) => {
            const sum = windowTerms(setup, r, c).reduce((total, term) => total + term.input * term.weight, 0);
            expect(value).toBeCloseTo(sum, 12);
          }),
        );
      }
    }
    expect(outputSize(7, 3, 2, 1)).toBe(4);
  });
});

describe('attention-heatmap figure (unit 6)', () => {
  it('reproduces the worked example’s weights and output to three decimals', () => {
    const { weights, output } = computeAttention(ATTENTION_DEFAULTS);
    const round = (matrix: number[][]) => matrix.map((row) => row.map((value) => Number(value.toFixed(3))));
    expect(round(weights)).toEqual([
      [0.422, 0.155, 0.422],
      [0.212, 0.576, 0.212],
      [0.333, 0.333, 0.333],
    ]);
    expect(round(output)).toEqual([
      [0.845, 0.578],
      [0.424, 0.788],
      [0.667, 0.667],
    ]);
  });

  it('zeroes the upper triangle under the causal mask and keeps rows summing to 1', () => {
    const { weights } = computeAttention({ ...ATTENTION_DEFAULTS, isCausal: true });
    expect(weights[0]).toEqual([1, 0, 0]);
    expect(weights[1][2]).toBe(0);
    for (const row of weights) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Row 2 attends to words 1 and 2 only: softmax of the scaled scores (0, 1).
    expect(weights[1][1]).toBeCloseTo(Math.E / (1 + Math.E), 12);
  });
});

describe('lstm-gates figure (unit 5)', () => {
  it('makes its first step the unit’s worked example: f 0.881, i 0.5, C̃ 0.762, o 0.731, C 2.142, h 0.711', () => {
    const [first] = runLstm(LSTM_DEFAULTS);
    expect(first.f).toBeCloseTo(0.881, 3);
    expect(first.i).toBeCloseTo(0.5, 12);
    expect(first.g).toBeCloseTo(0.762, 3);
    expect(first.o).toBeCloseTo(0.731, 3);
    expect(first.c).toBeCloseTo(2.142, 3);
    expect(first.h).toBeCloseTo(0.711, 3);
  });

  it('agrees with the LSTM equations written out in plain arithmetic at every step', () => {
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    const setup = { sequence: [0.3, -2, 4, 1], h0: -0.2, c0: 0.7, forgetBias: 1.5 };
    let h = setup.h0;
    let c = setup.c0;
    for (const [t, step] of runLstm(setup).entries()) {
      const x = setup.sequence[t];
      const f = sigmoid(h + 1.5 * x + setup.forgetBias);
      const i = sigmoid(2 * h - x);
      const g = Math.tanh(x);
      const o = sigmoid(2 * h);
      c = f * c + i * g;
      h = o * Math.tanh(c);
      expect([step.f, step.i, step.g, step.o, step.c, step.h].map((v) => v.toFixed(12))).toEqual([f, i, g, o, c, h].map((v) => v.toFixed(12)));
    }
  });

  it('reads a typed sequence and explains what is wrong with a bad one', () => {
    expect(parseSequence(' 1, -2 0.5;3 ')).toEqual({ sequence: [1, -2, 0.5, 3] });
    expect(parseSequence('−1')).toEqual({ sequence: [-1] });
    expect(parseSequence('')).toEqual({ error: 'empty' });
    expect(parseSequence('1, two')).toEqual({ error: 'notNumber' });
    expect(parseSequence('0x10')).toEqual({ error: 'notNumber' });
    expect(parseSequence('11')).toEqual({ error: 'outOfRange' });
    expect(parseSequence('1 '.repeat(11))).toEqual({ error: 'tooLong' });
  });
});

describe('decision-boundary figure (unit 1)', () => {
  it('separates AND with the unit’s weights and cannot separate XOR with one unit', () => {
    expect(classifyWithPerceptron(DATASET_POINTS, PERCEPTRON_DEFAULTS)).toEqual([...DATASET_LABELS.and]);
    const xor = trainOnDataset('xor', PERCEPTRON_DEFAULTS);
    expect(xor.converged).toBe(false);
    expect(classifyWithPerceptron(DATASET_POINTS, xor.weights)).not.toEqual([...DATASET_LABELS.xor]);
  });

  it('learns OR with the perceptron rule, and the lecture’s hidden layer computes XOR', () => {
    const or = trainOnDataset('or', { w1: 0, w2: 0, b: 0 });
    expect(or.converged).toBe(true);
    expect(classifyWithPerceptron(DATASET_POINTS, or.weights)).toEqual([...DATASET_LABELS.or]);
    expect(classifyWithMlp(DATASET_POINTS, MLP_DEFAULTS)).toEqual([...DATASET_LABELS.xor]);
  });

  it('counts s = 0 as −1, as the lecture’s threshold does', () => {
    expect(classifyWithPerceptron([[0, 0]], { w1: 1, w2: 1, b: 0 })).toEqual([-1]);
  });
});

describe('formatNumber', () => {
  it('trims zeros, uses a true minus sign and never shows −0', () => {
    expect(formatNumber(2.2000000000000006)).toBe('2.2');
    expect(formatNumber(715)).toBe('715');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatNumber(-1.5)).toBe('−1.5');
  });
});
