import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { tensor, zeros } from '../creation';
import { rng } from '../rng';
import { concat } from '../ops/shape-ops';
import { assertGradcheck } from '../testing/gradcheck';
import { compareWithTf, randomInput, type TfComparison } from '../testing/tfjs-compare';
import { lstmCell, rnnCell } from './sequence';

/** Float32 reference, float64 engine: agreement to a few float32 ulps of the values' scale. */
function expectAgreement(cmp: TfComparison): void {
  const tol = 2e-5 * Math.max(1, cmp.scale);
  expect(cmp.forwardError).toBeLessThan(tol);
  for (const e of cmp.gradErrors) expect(e).toBeLessThan(tol);
}

function randomTensor(shape: number[], seed: string, scale = 1): Tensor {
  const r = rng(seed);
  const size = shape.reduce((n, d) => n * d, 1);
  return tensor({ data: Array.from({ length: size }, () => r.uniform(-scale, scale)), shape }, { requiresGrad: true });
}

const [batch, inSize, hidden] = [3, 4, 5];

/** The lecture's LSTM equations written in TF.js ops, gate blocks f, i, C̃, o along the columns. */
function tfLstm(x: tf.Tensor, h: tf.Tensor, c: tf.Tensor, Wx: tf.Tensor, Wh: tf.Tensor, b: tf.Tensor) {
  const z = tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), b);
  const [zf, zi, zg, zo] = tf.split(z, 4, 1);
  const f = tf.sigmoid(zf);
  const i = tf.sigmoid(zi);
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const cNext = tf.add(tf.mul(f, c), tf.mul(i, g));
  return { h: tf.mul(o, tf.tanh(cNext)), c: cNext, f, i, g, o };
}

describe('rnnCell', () => {
  const inputs = () => [
    randomInput([batch, inSize], 'rnn-x'),
    randomInput([batch, hidden], 'rnn-h'),
    randomInput([inSize, hidden], 'rnn-U'),
    randomInput([hidden, hidden], 'rnn-W'),
    randomInput([hidden], 'rnn-b'),
  ];

  it('computes tanh(xU + hW + b) with the gradients of TensorFlow.js', async () => {
    const cmp = await compareWithTf(
      inputs(),
      (x, h, U, W, b) => rnnCell(x, h, { U, W, b }),
      (x, h, U, W, b) => tf.tanh(tf.add(tf.add(tf.matMul(x, U), tf.matMul(h, W)), b)),
      { dtype: 'float64' },
    );
    expectAgreement(cmp);
  });

  it('takes another activation by name or as a function', async () => {
    const relu = await compareWithTf(
      inputs(),
      (x, h, U, W, b) => rnnCell(x, h, { U, W, b }, { activation: 'relu' }),
      (x, h, U, W, b) => tf.relu(tf.add(tf.add(tf.matMul(x, U), tf.matMul(h, W)), b)),
      { dtype: 'float64' },
    );
    expectAgreement(relu);
    const custom = await compareWithTf(
      inputs(),
      (x, h, U, W, b) => rnnCell(x, h, { U, W, b }, { activation: (t) => t.sigmoid() }),
      (x, h, U, W, b) => tf.sigmoid(tf.add(tf.add(tf.matMul(x, U), tf.matMul(h, W)), b)),
      { dtype: 'float64' },
    );
    expectAgreement(custom);
  });

  it('has gradients that match central finite differences', () => {
    assertGradcheck(
      (x, h, U, W, b) => rnnCell(x, h, { U, W, b }),
      [
        randomTensor([batch, inSize], 'x'),
        randomTensor([batch, hidden], 'h'),
        randomTensor([inSize, hidden], 'U'),
        randomTensor([hidden, hidden], 'W'),
        randomTensor([hidden], 'b'),
      ],
    );
  });
});

describe('lstmCell', () => {
  const inputs = () => [
    randomInput([batch, inSize], 'lstm-x'),
    randomInput([batch, hidden], 'lstm-h'),
    randomInput([batch, hidden], 'lstm-c', -2, 2),
    randomInput([inSize, 4 * hidden], 'lstm-Wx'),
    randomInput([hidden, 4 * hidden], 'lstm-Wh'),
    randomInput([4 * hidden], 'lstm-b'),
  ];

  it('matches the gate equations written in TensorFlow.js: h, c and their gradients', async () => {
    const cmp = await compareWithTf(
      inputs(),
      (x, h, c, Wx, Wh, b) => {
        const step = lstmCell(x, h, c, { Wx, Wh, b });
        return concat([step.h, step.c], 1);
      },
      (x, h, c, Wx, Wh, b) => {
        const step = tfLstm(x, h, c, Wx, Wh, b);
        return tf.concat([step.h, step.c], 1);
      },
      { dtype: 'float64' },
    );
    expectAgreement(cmp);
  });

  it('returns the four gates f, i, g, o with their gradients', async () => {
    const gateInputs = inputs();
    gateInputs[2].requiresGrad = false; // the gates do not depend on c, and tf.grads refuses such an input
    const cmp = await compareWithTf(
      gateInputs,
      (x, h, c, Wx, Wh, b) => {
        const { f, i, g, o } = lstmCell(x, h, c, { Wx, Wh, b }).gates;
        return concat([f, i, g, o], 1);
      },
      (x, h, c, Wx, Wh, b) => {
        const { f, i, g, o } = tfLstm(x, h, c, Wx, Wh, b);
        return tf.concat([f, i, g, o], 1);
      },
      { dtype: 'float64' },
    );
    expectAgreement(cmp);
  });

  it('agrees with TF.js basicLSTMCell, an independent implementation with gate order i, g, f, o', async () => {
    await tf.setBackend('cpu');
    const r = rng('basic-lstm');
    const values = (n: number) => Array.from({ length: n }, () => r.uniform(-1, 1));
    const [x, h, c] = [values(batch * inSize), values(batch * hidden), values(batch * hidden)];
    const [Wx, Wh, b] = [values(inSize * 4 * hidden), values(hidden * 4 * hidden), values(4 * hidden)];

    const step = lstmCell(
      tensor({ data: x, shape: [batch, inSize] }),
      tensor({ data: h, shape: [batch, hidden] }),
      tensor({ data: c, shape: [batch, hidden] }),
      {
        Wx: tensor({ data: Wx, shape: [inSize, 4 * hidden] }),
        Wh: tensor({ data: Wh, shape: [hidden, 4 * hidden] }),
        b: tensor({ data: b, shape: [4 * hidden] }),
      },
    );

    // basicLSTMCell multiplies concat([x, h]) by one kernel [in + H, 4H] with blocks i, j (= g), f, o.
    const reorder = (t: tf.Tensor) => {
      const [f, i, g, o] = tf.split(t, 4, -1);
      return tf.concat([i, g, f, o], -1);
    };
    const kernel = reorder(tf.concat([tf.tensor2d(Wx, [inSize, 4 * hidden]), tf.tensor2d(Wh, [hidden, 4 * hidden])], 0));
    const [cTf, hTf] = tf.basicLSTMCell(
      tf.scalar(0),
      kernel as tf.Tensor2D,
      reorder(tf.tensor1d(b)) as tf.Tensor1D,
      tf.tensor2d(x, [batch, inSize]),
      tf.tensor2d(c, [batch, hidden]),
      tf.tensor2d(h, [batch, hidden]),
    );
    const hExpected = hTf.dataSync();
    const cExpected = cTf.dataSync();
    for (let k = 0; k < batch * hidden; k++) {
      expect(step.h.data[k]).toBeCloseTo(hExpected[k], 5);
      expect(step.c.data[k]).toBeCloseTo(cExpected[k], 5);
    }
  });

  it('with all weights and biases zero halves the cell state: f = i = o = ½, g = 0', () => {
    const c = tensor([[2, -4]]);
    const step = lstmCell(tensor([[1, 1, 1]]), tensor([[0.3, -0.7]]), c, {
      Wx: zeros([3, 8]),
      Wh: zeros([2, 8]),
      b: zeros([8]),
    });
    expect(step.c.toArray()).toEqual([[1, -2]]);
    expect(step.h.toArray()).toEqual([[0.5 * Math.tanh(1), 0.5 * Math.tanh(-2)]]);
    expect(step.gates.g.toArray()).toEqual([[0, 0]]);
  });

  it('has gradients that match central finite differences (through h and c)', () => {
    assertGradcheck(
      (x, h, c, Wx, Wh, b) => {
        const step = lstmCell(x, h, c, { Wx, Wh, b });
        return concat([step.h, step.c], 1);
      },
      [
        randomTensor([batch, inSize], 'x'),
        randomTensor([batch, hidden], 'h'),
        randomTensor([batch, hidden], 'c', 2),
        randomTensor([inSize, 4 * hidden], 'Wx'),
        randomTensor([hidden, 4 * hidden], 'Wh'),
        randomTensor([4 * hidden], 'b'),
      ],
    );
  });

  it('rejects weights whose width is not 4 × hidden', () => {
    expect(() =>
      lstmCell(zeros([1, 2]), zeros([1, 3]), zeros([1, 3]), { Wx: zeros([2, 10]), Wh: zeros([3, 10]), b: zeros([10]) }),
    ).toThrow(/lstmCell/);
  });
});
