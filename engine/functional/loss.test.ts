import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { rng } from '../rng';
import { binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy, mseLoss } from './loss';
import { assertGradcheck } from '../testing/gradcheck';
import { assertMatchesTf } from '../testing/tfjs-compare';
import { randomTensor } from '../testing/random-shapes';

describe('mseLoss', () => {
  for (const shape of [[1], [4], [3, 2]]) {
    it(`[${shape}]: gradients for prediction and target match finite differences`, () => {
      const random = rng(`mse ${shape}`);
      assertGradcheck(mseLoss, [randomTensor(shape, random), randomTensor(shape, random)]);
    });
    it(`[${shape}]: value and gradients match TensorFlow.js`, async () => {
      const random = rng(`tf mse ${shape}`);
      const inputs = [0, 1].map(() => ({ shape, data: randomTensor(shape, random).data }));
      await assertMatchesTf(inputs, mseLoss, (p, t) => tf.mean(tf.squaredDifference(p, t)));
    });
  }
});

describe('crossEntropy', () => {
  for (const [N, C] of [[1, 2], [4, 3], [8, 10]]) {
    const random = rng(`targets ${N} ${C}`);
    const targets = Array.from({ length: N }, () => random.int(C));
    it(`[${N}, ${C}]: gradients match finite differences`, () => {
      assertGradcheck((logits) => crossEntropy(logits, targets), [randomTensor([N, C], rng(`ce ${N}`), { low: -3, high: 3 })]);
    });
    it(`[${N}, ${C}]: value and gradient match TensorFlow.js softmaxCrossEntropy`, async () => {
      const logits = randomTensor([N, C], rng(`tf ce ${N}`), { low: -3, high: 3 });
      await assertMatchesTf(
        [{ shape: [N, C], data: logits.data }],
        (x) => crossEntropy(x, Int32Array.from(targets)),
        (x) => tf.losses.softmaxCrossEntropy(tf.oneHot(targets, C), x),
      );
    });
  }
});

describe('binaryCrossEntropy', () => {
  const shape = [5, 2];
  it('gradients for probabilities and targets match finite differences', () => {
    const random = rng('bce');
    assertGradcheck(binaryCrossEntropy, [randomTensor(shape, random, { low: 0.05, high: 0.95 }), randomTensor(shape, random, { low: 0, high: 1 })]);
  });
  it('value and gradients match the TensorFlow.js formula', async () => {
    const random = rng('tf bce');
    await assertMatchesTf(
      [{ shape, data: randomTensor(shape, random, { low: 0.05, high: 0.95 }).data }, { shape, data: randomTensor(shape, random, { low: 0, high: 1 }).data }],
      binaryCrossEntropy,
      (p, t) => tf.neg(tf.mean(tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p)))))),
    );
  });
  it('stays finite when a probability is exactly 0 or 1', () => {
    const loss = binaryCrossEntropy(new Tensor(Float64Array.from([0, 1]), [2]), new Tensor(Float64Array.from([1, 0]), [2]));
    expect(loss.item()).toBe(100);
  });
});

describe('binaryCrossEntropyWithLogits', () => {
  const shape = [6];
  it('gradients match finite differences', () => {
    const random = rng('bcel');
    assertGradcheck(binaryCrossEntropyWithLogits, [randomTensor(shape, random, { low: -4, high: 4 }), randomTensor(shape, random, { low: 0, high: 1 })]);
  });
  it('value and gradient match TensorFlow.js sigmoidCrossEntropy', async () => {
    const random = rng('tf bcel');
    await assertMatchesTf(
      [{ shape, data: randomTensor(shape, random, { low: -4, high: 4 }).data }, { shape, data: randomTensor(shape, random, { low: 0, high: 1 }).data, requiresGrad: false }],
      binaryCrossEntropyWithLogits,
      (z, t) => tf.losses.sigmoidCrossEntropy(t, z),
    );
  });
  it('equals binaryCrossEntropy of the sigmoid and survives huge scores', () => {
    const z = new Tensor(Float64Array.from([-2, 0.5, 3]), [3]);
    const t = new Tensor(Float64Array.from([0, 1, 1]), [3]);
    expect(binaryCrossEntropyWithLogits(z, t).item()).toBeCloseTo(binaryCrossEntropy(z.sigmoid(), t).item(), 12);
    const huge = binaryCrossEntropyWithLogits(new Tensor(Float64Array.from([1000, -1000]), [2]), new Tensor(Float64Array.from([0, 1]), [2]));
    expect(huge.item()).toBe(1000);
  });
});
