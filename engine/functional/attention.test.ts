import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { tensor } from '../creation';
import { rng } from '../rng';
import { concat } from '../ops/shape-ops';
import { assertGradcheck } from '../testing/gradcheck';
import { compareWithTf, randomInput, type TfComparison } from '../testing/tfjs-compare';
import { causalMask, multiHeadAttention, scaledDotProductAttention } from './attention';

function expectAgreement(cmp: TfComparison): void {
  const tol = 2e-5 * Math.max(1, cmp.scale);
  expect(cmp.forwardError).toBeLessThan(tol);
  for (const e of cmp.gradErrors) expect(e).toBeLessThan(tol);
}

function randomTensor(shape: number[], seed: string, requiresGrad = true): Tensor {
  const r = rng(seed);
  const size = shape.reduce((n, d) => n * d, 1);
  return tensor({ data: Array.from({ length: size }, () => r.uniform(-1, 1)), shape }, { requiresGrad });
}

/** Attention from TF.js primitives; the mask enters as −1e9 on disallowed scores, as in the paper's code. */
function tfAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor) {
  const dk = q.shape[q.shape.length - 1];
  let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk));
  if (mask) scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
  const weights = tf.softmax(scores, -1);
  return { output: tf.matMul(weights, v), weights };
}

/** The same shapes as multiHeadAttention, split and merged with TF.js reshape/transpose. */
function tfMultiHead(xq: tf.Tensor, xkv: tf.Tensor, W: tf.Tensor[], b: tf.Tensor[], heads: number, mask?: tf.Tensor) {
  const [batch, seqQ, dModel] = xq.shape;
  const project = (x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) => {
    const [bt, s, d] = x.shape;
    return tf.reshape(tf.add(tf.matMul(tf.reshape(x, [bt * s, d]), w), bias), [bt, s, d]);
  };
  const split = (x: tf.Tensor) => {
    const [bt, s] = x.shape;
    return tf.transpose(tf.reshape(x, [bt, s, heads, dModel / heads]), [0, 2, 1, 3]);
  };
  const { output, weights } = tfAttention(split(project(xq, W[0], b[0])), split(project(xkv, W[1], b[1])), split(project(xkv, W[2], b[2])), mask);
  const merged = tf.reshape(tf.transpose(output, [0, 2, 1, 3]), [batch, seqQ, dModel]);
  return { output: project(merged, W[3], b[3]), weights };
}

describe('scaledDotProductAttention', () => {
  const qkv = () => [randomInput([2, 3, 4, 5], 'q'), randomInput([2, 3, 6, 5], 'k'), randomInput([2, 3, 6, 7], 'v')];

  it('matches softmax(q kᵀ/√d_k) v from TF.js on batched [batch, heads, seq, d] inputs, gradients included', async () => {
    const cmp = await compareWithTf(
      qkv(),
      (q, k, v) => scaledDotProductAttention(q, k, v).output,
      (q, k, v) => tfAttention(q, k, v).output,
      { dtype: 'float64' },
    );
    expectAgreement(cmp);
  });

  it('returns the attention weights, whose rows sum to 1, with the gradients of TF.js', async () => {
    const cmp = await compareWithTf(
      qkv().slice(0, 2),
      (q, k) => scaledDotProductAttention(q, k, tensor({ data: new Array(2 * 3 * 6 * 7).fill(0), shape: [2, 3, 6, 7] })).weights,
      (q, k) => tfAttention(q, k, tf.zeros([2, 3, 6, 7])).weights,
      { dtype: 'float64' },
    );
    expectAgreement(cmp);
    const { weights } = scaledDotProductAttention(randomTensor([4, 5], 'q2'), randomTensor([6, 5], 'k2'), randomTensor([6, 2], 'v2'));
    for (let row = 0; row < 4; row++) {
      const total = Array.from(weights.data.slice(row * 6, row * 6 + 6)).reduce((s, w) => s + w, 0);
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it('gives masked positions exactly zero weight and matches TF.js with a causal mask', async () => {
    const mask = causalMask(4);
    const q = randomTensor([2, 4, 3], 'mq');
    const { weights } = scaledDotProductAttention(q, randomTensor([2, 4, 3], 'mk'), randomTensor([2, 4, 3], 'mv'), { mask });
    for (let b = 0; b < 2; b++) {
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          const w = weights.data[(b * 4 + i) * 4 + j];
          if (j > i) expect(w).toBe(0);
          else expect(w).toBeGreaterThan(0);
        }
      }
    }
    const cmp = await compareWithTf(
      [randomInput([2, 4, 3], 'mq'), randomInput([2, 4, 3], 'mk'), randomInput([2, 4, 3], 'mv')],
      (q, k, v) => {
        const r = scaledDotProductAttention(q, k, v, { mask });
        return concat([r.output, r.weights], -1);
      },
      (q, k, v) => {
        const r = tfAttention(q, k, v, tf.tensor2d(mask.toArray() as number[][]));
        return tf.concat([r.output, r.weights], -1);
      },
      { dtype: 'float64' },
    );
    expectAgreement(cmp);
  });

  it('broadcasts a per-batch padding mask [batch, 1, seqK] over the queries', () => {
    const mask = tensor([[[1, 1, 0]], [[1, 0, 0]]]);
    const { weights, output } = scaledDotProductAttention(randomTensor([2, 2, 4], 'pq'), randomTensor([2, 3, 4], 'pk'), randomTensor([2, 3, 4], 'pv'), { mask });
    expect(weights.shape).toEqual([2, 2, 3]);
    const w = weights.toArray() as number[][][];
    expect(w[0].map((row) => row[2])).toEqual([0, 0]);
    expect(w[1].map((row) => [row[1], row[2]])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(w[1].map((row) => row[0])).toEqual([1, 1]);
    expect(output.shape).toEqual([2, 2, 4]);
  });

  it('gives a query with every key masked zero weights and a zero output, never NaN', () => {
    const mask = tensor([
      [1, 1],
      [0, 0],
    ]);
    const q = randomTensor([2, 3], 'fq');
    const { weights, output } = scaledDotProductAttention(q, randomTensor([2, 3], 'fk'), randomTensor([2, 3], 'fv'), { mask });
    expect(Array.from(weights.data.slice(2))).toEqual([0, 0]);
    expect(Array.from(output.data.slice(3))).toEqual([0, 0, 0]);
    output.sum().backward();
    expect(Array.from(q.grad!.data).every(Number.isFinite)).toBe(true);
  });

  it('has gradients that match central finite differences, with and without a mask', () => {
    const inputs = () => [randomTensor([2, 3, 4], 'gq'), randomTensor([2, 5, 4], 'gk'), randomTensor([2, 5, 3], 'gv')];
    assertGradcheck((q, k, v) => scaledDotProductAttention(q, k, v).output, inputs());
    const mask = tensor([
      [1, 0, 1, 1, 0],
      [1, 1, 0, 0, 0],
      [0, 0, 0, 0, 1],
    ]);
    assertGradcheck((q, k, v) => scaledDotProductAttention(q, k, v, { mask }).output, inputs());
  });
});

describe('causalMask', () => {
  it('lets position i attend to positions 0…i only', () => {
    expect(causalMask(3).toArray()).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });
});

describe('multiHeadAttention', () => {
  const [batch, seqQ, seqK, dModel, heads] = [2, 3, 4, 8, 2];
  const inputs = () => [
    randomInput([batch, seqQ, dModel], 'xq'),
    randomInput([batch, seqK, dModel], 'xkv'),
    ...['Wq', 'Wk', 'Wv', 'Wo'].map((name) => randomInput([dModel, dModel], name)),
    ...['bq', 'bk', 'bv', 'bo'].map((name) => randomInput([dModel], name)),
  ];

  it('matches a TF.js multi-head attention (split, attend, merge, project): output and every gradient', async () => {
    const cmp = await compareWithTf(
      inputs(),
      (xq, xkv, Wq, Wk, Wv, Wo, bq, bk, bv, bo) => multiHeadAttention(xq, xkv, { Wq, Wk, Wv, Wo, bq, bk, bv, bo }, { heads }).output,
      (xq, xkv, Wq, Wk, Wv, Wo, bq, bk, bv, bo) => tfMultiHead(xq, xkv, [Wq, Wk, Wv, Wo], [bq, bk, bv, bo], heads).output,
      { dtype: 'float64' },
    );
    expectAgreement(cmp);
  });

  it('returns per-head weights [batch, heads, seqQ, seqK] and applies a mask to every head', async () => {
    const mask = tensor([
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]);
    const weightInputs = inputs();
    // The weights do not depend on Wv, Wo, bv, bo, and tf.grads refuses such inputs.
    for (const unused of [4, 5, 8, 9]) weightInputs[unused].requiresGrad = false;
    const cmp = await compareWithTf(
      weightInputs,
      (xq, xkv, Wq, Wk, Wv, Wo, bq, bk, bv, bo) => multiHeadAttention(xq, xkv, { Wq, Wk, Wv, Wo, bq, bk, bv, bo }, { heads, mask }).weights,
      (xq, xkv, Wq, Wk, Wv, Wo, bq, bk, bv, bo) => tfMultiHead(xq, xkv, [Wq, Wk, Wv, Wo], [bq, bk, bv, bo], heads, tf.tensor2d(mask.toArray() as number[][])).weights,
      { dtype: 'float64' },
    );
    expectAgreement(cmp);
    const params = Object.fromEntries(['Wq', 'Wk', 'Wv', 'Wo'].map((n) => [n, randomTensor([dModel, dModel], n)]));
    const { weights } = multiHeadAttention(randomTensor([batch, seqQ, dModel], 'a'), randomTensor([batch, seqK, dModel], 'b'), { Wq: params.Wq, Wk: params.Wk, Wv: params.Wv, Wo: params.Wo }, { heads, mask });
    expect(weights.shape).toEqual([batch, heads, seqQ, seqK]);
    const w = weights.toArray() as number[][][][];
    for (const perBatch of w) for (const perHead of perBatch) expect([perHead[0][2], perHead[0][3], perHead[1][3]]).toEqual([0, 0, 0]);
  });

  it('treats a 2-D [seq, d_model] input as one sequence, without the batch axis', () => {
    const params = {
      Wq: randomTensor([dModel, dModel], 'Wq', false),
      Wk: randomTensor([dModel, dModel], 'Wk', false),
      Wv: randomTensor([dModel, dModel], 'Wv', false),
      Wo: randomTensor([dModel, dModel], 'Wo', false),
    };
    const xq = randomTensor([seqQ, dModel], 'x2q', false);
    const xkv = randomTensor([seqK, dModel], 'x2k', false);
    const flat = multiHeadAttention(xq, xkv, params, { heads });
    const batched = multiHeadAttention(xq.reshape([1, seqQ, dModel]), xkv.reshape([1, seqK, dModel]), params, { heads });
    expect(flat.output.shape).toEqual([seqQ, dModel]);
    expect(flat.weights.shape).toEqual([heads, seqQ, seqK]);
    expect(Array.from(flat.output.data)).toEqual(Array.from(batched.output.data));
    expect(Array.from(flat.weights.data)).toEqual(Array.from(batched.weights.data));
  });

  it('has gradients that match central finite differences for inputs, weights and biases', () => {
    const [b, s, d] = [2, 3, 4];
    assertGradcheck(
      (xq, Wq, Wk, Wv, Wo, bq, bo) => multiHeadAttention(xq, xq, { Wq, Wk, Wv, Wo, bq, bo }, { heads: 2, mask: tensor([[1, 0, 0], [1, 1, 0], [1, 1, 1]]) }).output,
      [
        randomTensor([b, s, d], 'sx'),
        ...['q', 'k', 'v', 'o'].map((n) => randomTensor([d, d], `W${n}`)),
        randomTensor([d], 'bq'),
        randomTensor([d], 'bo'),
      ],
    );
  });

  it('rejects a d_model that the heads do not divide', () => {
    const W = randomTensor([6, 6], 'W', false);
    expect(() => multiHeadAttention(randomTensor([1, 2, 6], 'x', false), randomTensor([1, 2, 6], 'y', false), { Wq: W, Wk: W, Wv: W, Wo: W }, { heads: 4 })).toThrow(/not divisible/);
  });
});
