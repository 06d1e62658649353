import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { randn, tensor } from '../creation';
import { rng } from '../rng';
import { assertGradcheck } from '../testing/gradcheck';
import { Conv2d, Dropout, Embedding, Flatten, Linear, MaxPool2d, ReLU, Sequential, Sigmoid, Tanh } from './index';
import { compareModuleWithTf, type ModuleComparison } from '../testing/tf-reference';

function expectAgreement(cmp: ModuleComparison): void {
  const tol = 2e-5 * Math.max(1, cmp.scale);
  expect(cmp.forwardError).toBeLessThan(tol);
  for (const e of cmp.gradErrors) expect(e).toBeLessThan(tol);
}

/** NCHW ↔ NHWC, since TF.js convolves channels-last. */
const toNhwc = (x: tf.Tensor) => tf.transpose(x, [0, 2, 3, 1]);
const toNchw = (x: tf.Tensor) => tf.transpose(x, [0, 3, 1, 2]);

describe('Conv2d', () => {
  it('matches tf.conv2d (stride 2, padding 1) with gradients for filters, bias and input', async () => {
    const layer = new Conv2d(3, 4, 3, { rng: rng('conv'), stride: 2, padding: 1 });
    const x = randn([2, 3, 7, 6], rng('img'), { requiresGrad: true });
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x],
      () => layer.forward(x),
      ([w, b], [tx]) => {
        const filter = tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D; // [O, C, kh, kw] → [kh, kw, C, O]
        return toNchw(tf.add(tf.conv2d(toNhwc(tx) as tf.Tensor4D, filter, 2, 1), b));
      },
    );
    expectAgreement(cmp);
  });

  it('draws He-initialised filters [out, in, k, k] and no bias when asked', () => {
    const layer = new Conv2d(8, 16, 3, { rng: rng('he-conv'), bias: false });
    expect(layer.weight.shape).toEqual([16, 8, 3, 3]);
    expect(layer.parameters()).toHaveLength(1);
    const w = Array.from(layer.weight.data);
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance / (2 / (8 * 9))).toBeCloseTo(1, 0);
  });
});

describe('MaxPool2d and Flatten', () => {
  it('pool like tf.maxPool and flatten all but the batch axis', async () => {
    const x = randn([2, 3, 6, 6], rng('pool'), { requiresGrad: true });
    const model = new Sequential([new MaxPool2d(2), new Flatten()]);
    const cmp = await compareModuleWithTf(
      [],
      [x],
      () => model.forward(x),
      (_, [tx]) => tf.reshape(toNchw(tf.maxPool(toNhwc(tx) as tf.Tensor4D, 2, 2, 'valid')), [2, 27]),
    );
    expectAgreement(cmp);
    expect(model.forward(x).shape).toEqual([2, 3 * 3 * 3]);
  });

  it('use an explicit pooling stride when given', () => {
    expect(new MaxPool2d(3, { stride: 1 }).forward(randn([1, 1, 5, 5], rng(0))).shape).toEqual([1, 1, 3, 3]);
  });
});

describe('activation modules', () => {
  it('apply ReLU, Sigmoid and Tanh with the gradients of TensorFlow.js', async () => {
    const x = randn([3, 4], rng('act'), { requiresGrad: true, std: 2 });
    const pairs = [
      [new ReLU(), tf.relu],
      [new Sigmoid(), tf.sigmoid],
      [new Tanh(), tf.tanh],
    ] as const;
    for (const [layer, reference] of pairs) {
      expectAgreement(await compareModuleWithTf([], [x], () => layer.forward(x), (_, [tx]) => reference(tx)));
    }
  });
});

describe('Sequential', () => {
  it('equals the layers applied by hand and trains through all of them', async () => {
    const l1 = new Linear(2, 3, { rng: rng('s1') });
    const l2 = new Linear(3, 1, { rng: rng('s2') });
    const model = new Sequential([l1, new Tanh(), l2, new Sigmoid()]);
    const x = randn([5, 2], rng('sx'));
    const cmp = await compareModuleWithTf(
      model.parameters(),
      [x],
      () => model.forward(x),
      ([W1, b1, W2, b2], [tx]) => tf.sigmoid(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(tx, W1), b1)), W2), b2)),
    );
    expectAgreement(cmp);
  });
});

describe('Dropout', () => {
  it('in training zeroes about p of the inputs and scales the rest by 1/(1 − p)', () => {
    const layer = new Dropout(0.25, { rng: rng('drop') });
    const out = Array.from(layer.forward(tensor({ data: new Array(4000).fill(2), shape: [4000] })).data);
    const zeros = out.filter((v) => v === 0).length;
    expect(zeros / 4000).toBeCloseTo(0.25, 1);
    expect(out.every((v) => v === 0 || Math.abs(v - 2 / 0.75) < 1e-12)).toBe(true);
  });

  it('is the identity in eval mode', () => {
    const layer = new Dropout(0.5, { rng: rng('drop') }).eval();
    const x = randn([3, 3], rng(1));
    expect(Array.from(layer.forward(x).data)).toEqual(Array.from(x.data));
  });

  it('draws the same masks from the same seed', () => {
    const x = randn([50], rng(2));
    const a = new Dropout(0.5, { rng: rng('same') });
    const b = new Dropout(0.5, { rng: rng('same') });
    expect(Array.from(a.forward(x).data)).toEqual(Array.from(b.forward(x).data));
  });
});

describe('Embedding', () => {
  it('looks up rows like tf.gather and scatters their gradients back, repeated indices summed', async () => {
    const layer = new Embedding(6, 4, { rng: rng('emb') });
    const indices = [
      [1, 5, 1],
      [0, 1, 3],
    ];
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [],
      () => layer.forward(indices),
      ([W]) => tf.reshape(tf.gather(W, tf.tensor1d(indices.flat(), 'int32')), [2, 3, 4]),
    );
    expectAgreement(cmp);
    expect(layer.forward(indices).shape).toEqual([2, 3, 4]);
    expect(layer.forward(2).shape).toEqual([4]);
  });

  it('has gradients that match central finite differences', () => {
    const layer = new Embedding(4, 3, { rng: rng('emb-fd') });
    assertGradcheck(() => layer.forward([[2, 0], [2, 3]]), layer.parameters());
  });

  it('rejects an index outside the table', () => {
    const layer = new Embedding(3, 2, { rng: rng(0) });
    expect(() => layer.forward([0, 3])).toThrow(/outside 0…2/);
    expect(() => layer.forward([0, 1.5])).toThrow(/outside/);
  });
});
