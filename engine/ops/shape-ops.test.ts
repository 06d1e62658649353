import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { rng } from '../rng';
import { concat, squeeze, stack, unsqueeze } from './shape-ops';
import { assertGradcheck } from '../testing/gradcheck';
import { assertMatchesTf } from '../testing/tfjs-compare';
import { randomTensor } from '../testing/random-shapes';

describe('reshape', () => {
  const cases: Array<[number[], number[], number[]]> = [
    // [input shape, requested, resolved]
    [[2, 3], [3, 2], [3, 2]],
    [[2, 3, 4], [-1, 4], [6, 4]],
    [[6], [1, 6, 1], [1, 6, 1]],
    [[1], [], []],
  ];
  for (const [from, requested, resolved] of cases) {
    const label = `[${from}] → [${requested}]`;
    it(`${label}: gradients match finite differences`, () => {
      assertGradcheck((a) => a.reshape(requested).mul(a.reshape(requested)), [randomTensor(from, rng(label))]);
    });
    it(`${label}: values and gradients match TensorFlow.js`, async () => {
      const x = randomTensor(from, rng(`tf ${label}`));
      const result = await assertMatchesTf([{ shape: from, data: x.data }], (a) => a.reshape(requested), (a) => tf.reshape(a, resolved));
      expect(result.forwardError).toBe(0);
    });
  }
});

describe('transpose and swapAxes', () => {
  const cases: Array<[number[], number[]]> = [
    [[2, 3], []],
    [[2, 3], [1, 0]],
    [[2, 3, 4], []],
    [[2, 3, 4], [1, 2, 0]],
    [[2, 3, 4, 5], [0, 2, 1, 3]],
    [[1, 4, 1], [2, 0, 1]],
  ];
  for (const [shape, perm] of cases) {
    const label = `transpose [${shape}] by (${perm})`;
    const fullPerm = perm.length ? perm : shape.map((_, i) => shape.length - 1 - i);
    it(`${label}: gradients match finite differences`, () => {
      assertGradcheck((a) => a.transpose(...perm), [randomTensor(shape, rng(label))]);
    });
    it(`${label}: values and gradients match TensorFlow.js`, async () => {
      const x = randomTensor(shape, rng(`tf ${label}`));
      await assertMatchesTf([{ shape, data: x.data }], (a) => a.transpose(...perm), (a) => tf.transpose(a, fullPerm));
    });
  }

  it('swapAxes(-1, -2) transposes the last two axes of a batch, as Kᵀ in attention needs', async () => {
    const x = randomTensor([2, 3, 4], rng('swap'));
    await assertMatchesTf([{ shape: [2, 3, 4], data: x.data }], (a) => a.swapAxes(-1, -2), (a) => tf.transpose(a, [0, 2, 1]));
  });
});

describe('slice', () => {
  const cases: Array<{ shape: number[]; ranges: Array<[number, number?] | null>; begin: number[]; size: number[] }> = [
    { shape: [5], ranges: [[1, 3]], begin: [1], size: [2] },
    { shape: [3, 4], ranges: [null, [1, -1]], begin: [0, 1], size: [3, 2] },
    { shape: [3, 4], ranges: [[-1]], begin: [2, 0], size: [1, 4] },
    { shape: [2, 3, 4], ranges: [[1, 2], [0, 2], [2, 4]], begin: [1, 0, 2], size: [1, 2, 2] },
    { shape: [2, 3, 4], ranges: [null, [1, 2]], begin: [0, 1, 0], size: [2, 1, 4] },
  ];
  for (const { shape, ranges, begin, size } of cases) {
    const label = `[${shape}] by ${JSON.stringify(ranges)}`;
    it(`${label}: gradients match finite differences`, () => {
      assertGradcheck((a) => a.slice(ranges), [randomTensor(shape, rng(label))]);
    });
    it(`${label}: values and gradients match TensorFlow.js`, async () => {
      const x = randomTensor(shape, rng(`tf ${label}`));
      await assertMatchesTf([{ shape, data: x.data }], (a) => a.slice(ranges), (a) => tf.slice(a, begin, size));
    });
  }

  it('the (axis, start, end) form equals the per-axis form', () => {
    const x = randomTensor([3, 5], rng('slice forms'));
    expect(x.slice(1, 1, 4).toArray()).toEqual(x.slice([null, [1, 4]]).toArray());
    expect(x.slice(-2, 2).toArray()).toEqual(x.slice([[2, 3]]).toArray());
  });
});

describe('concat and stack', () => {
  const concatCases: Array<{ shapes: number[][]; axis: number }> = [
    { shapes: [[2, 3], [4, 3]], axis: 0 },
    { shapes: [[2, 3], [2, 1], [2, 2]], axis: 1 },
    { shapes: [[2, 3, 4], [2, 2, 4]], axis: -2 },
    { shapes: [[3], [1]], axis: 0 },
  ];
  for (const { shapes, axis } of concatCases) {
    const label = `concat ${JSON.stringify(shapes)} on axis ${axis}`;
    it(`${label}: gradients match finite differences`, () => {
      const random = rng(label);
      assertGradcheck((...xs) => concat(xs, axis), shapes.map((s) => randomTensor(s, random)));
    });
    it(`${label}: values and gradients match TensorFlow.js`, async () => {
      const random = rng(`tf ${label}`);
      const inputs = shapes.map((s) => ({ shape: s, data: randomTensor(s, random).data }));
      await assertMatchesTf(inputs, (...xs) => concat(xs, axis), (...xs) => tf.concat(xs, axis));
    });
  }

  for (const axis of [0, 1, 2, -1]) {
    const label = `stack three [2, 3] tensors on axis ${axis}`;
    it(`${label}: gradients match finite differences`, () => {
      const random = rng(label);
      assertGradcheck((...xs) => stack(xs, axis), [0, 1, 2].map(() => randomTensor([2, 3], random)));
    });
    it(`${label}: values and gradients match TensorFlow.js`, async () => {
      const random = rng(`tf ${label}`);
      const inputs = [0, 1, 2].map(() => ({ shape: [2, 3], data: randomTensor([2, 3], random).data }));
      await assertMatchesTf(inputs, (...xs) => stack(xs, axis), (...xs) => tf.stack(xs, axis));
    });
  }

  it('squeeze and unsqueeze move length-1 axes', () => {
    const x = new Tensor(new Float64Array(6), [2, 1, 3]);
    expect(squeeze(x).shape).toEqual([2, 3]);
    expect(squeeze(x, 1).shape).toEqual([2, 3]);
    expect(unsqueeze(x, -1).shape).toEqual([2, 1, 3, 1]);
    expect(unsqueeze(x, 0).shape).toEqual([1, 2, 1, 3]);
  });
});
