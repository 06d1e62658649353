import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { randn } from '../creation';
import { rng } from '../rng';
import { concat } from '../ops/shape-ops';
import { assertGradcheck } from '../testing/gradcheck';
import { LSTM, RNN } from './index';
import { compareModuleWithTf, type ModuleComparison } from '../testing/tf-reference';

function expectAgreement(cmp: ModuleComparison): void {
  const tol = 2e-5 * Math.max(1, cmp.scale);
  expect(cmp.forwardError).toBeLessThan(tol);
  for (const e of cmp.gradErrors) expect(e).toBeLessThan(tol);
}

const [batch, seq, inSize, hidden] = [2, 5, 3, 4];

/** x [batch, seq, in] → list of [batch, in] time steps in TF.js. */
const tfSteps = (x: tf.Tensor) => tf.unstack(x, 1);

describe('RNN', () => {
  it('unrolls h_t = tanh(x_t U + h_{t−1} W + b) like a TF.js loop: all outputs and every gradient (BPTT)', async () => {
    const layer = new RNN(inSize, hidden, { rng: rng('rnn') });
    const x = randn([batch, seq, inSize], rng('rnn-x'), { requiresGrad: true });
    const h0 = randn([batch, hidden], rng('rnn-h0'), { requiresGrad: true });
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x, h0],
      () => layer.forward(x, h0).outputs,
      ([U, W, b], [tx, th0]) => {
        let h = th0;
        const outs: tf.Tensor[] = [];
        for (const xt of tfSteps(tx)) {
          h = tf.tanh(tf.add(tf.add(tf.matMul(xt, U), tf.matMul(h, W)), b));
          outs.push(h);
        }
        return tf.stack(outs, 1);
      },
    );
    expectAgreement(cmp);
  });

  it('returns the last hidden state, starting from zeros by default', () => {
    const layer = new RNN(inSize, hidden, { rng: rng('rnn'), activation: 'relu' });
    const { outputs, h } = layer.forward(randn([batch, seq, inSize], rng(1)));
    expect(outputs.shape).toEqual([batch, seq, hidden]);
    expect(Array.from(h.data)).toEqual(Array.from(outputs.slice(1, seq - 1, seq).data));
  });

  it('has gradients that match central finite differences through time', () => {
    const layer = new RNN(2, 3, { rng: rng('rnn-fd') });
    const x = randn([2, 4, 2], rng('rnn-fd-x'), { requiresGrad: true });
    assertGradcheck(() => layer.forward(x).outputs, [x, ...layer.parameters()]);
  });
});

describe('LSTM', () => {
  /** The gate equations in TF.js, unrolled; blocks f, i, g, o. */
  function tfLstm(tx: tf.Tensor, Wx: tf.Tensor, Wh: tf.Tensor, b: tf.Tensor, h0: tf.Tensor, c0: tf.Tensor) {
    let h = h0;
    let c = c0;
    const outs: tf.Tensor[] = [];
    for (const xt of tfSteps(tx)) {
      const [zf, zi, zg, zo] = tf.split(tf.add(tf.add(tf.matMul(xt, Wx), tf.matMul(h, Wh)), b), 4, 1);
      c = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
      h = tf.mul(tf.sigmoid(zo), tf.tanh(c));
      outs.push(h);
    }
    return { outputs: tf.stack(outs, 1), h, c };
  }

  it('matches an unrolled TF.js LSTM: outputs, final c and every gradient', async () => {
    const layer = new LSTM(inSize, hidden, { rng: rng('lstm') });
    const x = randn([batch, seq, inSize], rng('lstm-x'), { requiresGrad: true });
    const h0 = randn([batch, hidden], rng('lstm-h0'), { requiresGrad: true });
    const c0 = randn([batch, hidden], rng('lstm-c0'), { requiresGrad: true });
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x, h0, c0],
      () => {
        const out = layer.forward(x, { h: h0, c: c0 });
        return concat([out.outputs.reshape([batch, seq * hidden]), out.c], 1);
      },
      ([Wx, Wh, b], [tx, th0, tc0]) => {
        const out = tfLstm(tx, Wx, Wh, b, th0, tc0);
        return tf.concat([tf.reshape(out.outputs, [batch, seq * hidden]), out.c], 1);
      },
    );
    expectAgreement(cmp);
  });

  it('gives the same result for a sequence as for its two halves with the state carried over', () => {
    const layer = new LSTM(inSize, hidden, { rng: rng('lstm') });
    const x = randn([batch, seq, inSize], rng('carry'));
    const whole = layer.forward(x);
    const first = layer.forward(x.slice(1, 0, 2));
    const second = layer.forward(x.slice(1, 2, seq), { h: first.h, c: first.c });
    expect(Array.from(second.h.data)).toEqual(Array.from(whole.h.data));
    expect(Array.from(second.c.data)).toEqual(Array.from(whole.c.data));
  });

  it('initialises the forget-gate bias to 1 and the other biases to 0', () => {
    const layer = new LSTM(2, 3, { rng: rng(0) });
    expect(Array.from(layer.b.data)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(layer.Wx.shape).toEqual([2, 12]);
    expect(layer.Wh.shape).toEqual([3, 12]);
  });

  it('has gradients that match central finite differences through time', () => {
    const layer = new LSTM(2, 3, { rng: rng('lstm-fd') });
    const x = randn([2, 3, 2], rng('lstm-fd-x'), { requiresGrad: true });
    assertGradcheck(() => {
      const out = layer.forward(x);
      return concat([out.outputs.reshape([2, 9]), out.c], 1);
    }, [x, ...layer.parameters()]);
  });

  it('rejects an input that is not [batch, seq, inputSize]', () => {
    expect(() => new LSTM(3, 2, { rng: rng(0) }).forward(randn([2, 3], rng(0)))).toThrow(/LSTM: expected input/);
  });
});

describe('float32 recurrent layers', () => {
  it('keep float32 through the default zero state', () => {
    const x = randn([2, 3, 4], rng('f32'), { dtype: 'float32' });
    const lstm = new LSTM(4, 5, { rng: rng(0), dtype: 'float32' }).forward(x);
    const rnn = new RNN(4, 5, { rng: rng(0), dtype: 'float32' }).forward(x);
    expect([lstm.outputs.dtype, lstm.h.dtype, lstm.c.dtype, rnn.outputs.dtype]).toEqual(['float32', 'float32', 'float32', 'float32']);
  });
});
