import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { linearOutput, trainDeltaRule, trainPerceptron } from './classic';

await tf.setBackend('cpu');

const corners = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

describe('trainPerceptron', () => {
  it('follows the hand-worked trace of Rosenblatt\'s rule on AND (lr 1, w starting at 0)', () => {
    // Worked on paper with the lecture's rule: s = w0 + w·x, f(s) = +1 iff s > 0, on a mistake
    // w ← w + y·[1, x]. Inputs are visited in order (0,0), (0,1), (1,0), (1,1).
    const result = trainPerceptron(corners, [-1, -1, -1, 1]);
    expect(result.history).toEqual([
      [1, 1, 1],
      [0, 1, 1],
      [-1, 1, 0],
      [0, 2, 1],
      [-1, 2, 0],
      [-2, 1, 0],
      [-1, 2, 1],
      [-2, 1, 1],
      [-1, 2, 2],
      [-2, 2, 1],
    ]);
    expect(result.mistakesPerEpoch).toEqual([1, 3, 3, 2, 1, 0]);
    expect(result).toMatchObject({ weights: [-2, 2, 1], converged: true, epochs: 6 });
  });

  it('scales every update by lr and starts from the given w0', () => {
    const result = trainPerceptron([[2, -1]], [1], { lr: 0.5, w0: [-1, 0, 0] });
    // s = −1 → −1, a mistake: w ← [−1, 0, 0] + 0.5·[1, 2, −1]; then s = −0.5 + 1.5 + 0.5 = 1.5 > 0.
    expect(result.history).toEqual([[-0.5, 1, -0.5]]);
    expect(result.converged).toBe(true);
  });

  it('does not modify the w0 array it was given', () => {
    const w0 = [0, 0, 0];
    trainPerceptron(corners, [-1, 1, 1, 1], { w0 });
    expect(w0).toEqual([0, 0, 0]);
  });

  it('stops at the epoch limit without convergence and reports it', () => {
    const result = trainPerceptron(corners, [-1, 1, 1, -1], { epochs: 3 });
    expect(result.converged).toBe(false);
    expect(result.epochs).toBe(3);
  });

  it('rejects labels other than ±1 and mismatched lengths', () => {
    expect(() => trainPerceptron(corners, [0, 1, 1, 1])).toThrow(/must be \+1 or −1/);
    expect(() => trainPerceptron(corners, [1, 1])).toThrow(/4 inputs but 2 labels/);
    expect(() => trainPerceptron(corners, [1, 1, 1, 1], { w0: [0, 0] })).toThrow(/w0 needs 3/);
  });
});

describe('trainDeltaRule', () => {
  it('makes the same per-sample updates as SGD on ½(t − s)² with TensorFlow.js gradients', () => {
    const X = [
      [0.5, -1.2],
      [1.5, 0.3],
      [-0.7, 0.8],
    ];
    const y = [1, -1, 0.5];
    const lr = 0.1;
    const result = trainDeltaRule(X, y, { lr, epochs: 3, w0: [0.2, -0.1, 0.3] });

    const w = tf.variable(tf.tensor1d([0.2, -0.1, 0.3], 'float32'));
    const optimizer = tf.train.sgd(lr);
    const expectedHistory: number[][] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      X.forEach((x, n) => {
        optimizer.minimize(() => {
          const s = tf.sum(tf.mul(w, tf.tensor1d([1, ...x])));
          return tf.mul(0.5, tf.square(tf.sub(y[n], s))) as tf.Scalar;
        });
      });
      expectedHistory.push(Array.from(w.dataSync()));
    }
    expect(result.history).toHaveLength(3);
    result.history.forEach((weights, epoch) => {
      weights.forEach((wi, i) => expect(wi).toBeCloseTo(expectedHistory[epoch][i], 5));
    });
    w.dispose();
  });

  it('reports E = ½ Σ (t − s)² with the weights at the end of each epoch', () => {
    const X = [[1], [2], [3]];
    const y = [2, 4, 6.5];
    const result = trainDeltaRule(X, y, { lr: 0.05, epochs: 4 });
    result.errors.forEach((error, epoch) => {
      const w = result.history[epoch];
      const expected = 0.5 * X.reduce((e, x, n) => e + (y[n] - (w[0] + w[1] * x[0])) ** 2, 0);
      expect(error).toBeCloseTo(expected, 12);
    });
  });
});

describe('linearOutput', () => {
  it('treats the first weight as the bias on a constant input x0 = 1', () => {
    expect(linearOutput([0.5, 2, -1], [3, 4])).toBe(0.5 + 6 - 4);
  });
});
