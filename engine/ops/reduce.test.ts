import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { rng } from '../rng';
import { assertGradcheck } from '../testing/gradcheck';
import { assertMatchesTf } from '../testing/tfjs-compare';
import { randomTensor } from '../testing/random-shapes';

type Axis = number | number[] | undefined;
const reductionCases: Array<{ shape: number[]; axis: Axis; keepdim: boolean }> = [
  { shape: [5], axis: undefined, keepdim: false },
  { shape: [3, 4], axis: undefined, keepdim: true },
  { shape: [3, 4], axis: 0, keepdim: false },
  { shape: [3, 4], axis: -1, keepdim: true },
  { shape: [2, 3, 4], axis: 1, keepdim: false },
  { shape: [2, 3, 4], axis: [0, 2], keepdim: false },
  { shape: [2, 3, 4], axis: [-1, 0], keepdim: true },
  { shape: [1, 3, 1], axis: 2, keepdim: false },
  { shape: [], axis: undefined, keepdim: false },
];

describe('sum and mean', () => {
  for (const { shape, axis, keepdim } of reductionCases) {
    for (const op of ['sum', 'mean'] as const) {
      const label = `${op} of [${shape}] over ${JSON.stringify(axis)}${keepdim ? ' keeping dims' : ''}`;
      const engineFn = (a: Tensor) => a[op](axis, keepdim);
      const tfFn = (a: tf.Tensor) => (op === 'sum' ? tf.sum(a, axis, keepdim) : tf.mean(a, axis, keepdim));
      it(`${label}: gradients match finite differences`, () => {
        assertGradcheck(engineFn, [randomTensor(shape, rng(label))]);
      });
      it(`${label}: values and gradients match TensorFlow.js`, async () => {
        const x = randomTensor(shape, rng(`tf ${label}`));
        await assertMatchesTf([{ shape, data: x.data }], engineFn, tfFn);
      });
    }
  }
});

describe('max', () => {
  const cases: Array<{ shape: number[]; axis: number | undefined; keepdim: boolean }> = [
    { shape: [6], axis: undefined, keepdim: false },
    { shape: [3, 4], axis: 1, keepdim: false },
    { shape: [3, 4], axis: 0, keepdim: true },
    { shape: [2, 3, 4], axis: -2, keepdim: false },
    { shape: [2, 3, 4], axis: undefined, keepdim: true },
  ];
  for (const { shape, axis, keepdim } of cases) {
    const label = `max of [${shape}] over ${axis}${keepdim ? ' keeping dims' : ''}`;
    it(`${label}: gradients match finite differences`, () => {
      assertGradcheck((a) => a.max(axis, keepdim), [randomTensor(shape, rng(label))]);
    });
    it(`${label}: values and gradients match TensorFlow.js`, async () => {
      const x = randomTensor(shape, rng(`tf ${label}`));
      await assertMatchesTf([{ shape, data: x.data }], (a) => a.max(axis, keepdim), (a) => tf.max(a, axis, keepdim));
    });
  }

  it('sends the whole gradient to the first maximum on ties', () => {
    const x = new Tensor(Float64Array.from([1, 3, 3, 2]), [4], true);
    x.max().backward();
    expect(Array.from(x.grad?.data ?? [])).toEqual([0, 1, 0, 0]);
  });
});

describe('softmax and logSoftmax', () => {
  const cases: Array<{ shape: number[]; axis: number }> = [
    { shape: [5], axis: -1 },
    { shape: [3, 4], axis: -1 },
    { shape: [3, 4], axis: 0 },
    { shape: [2, 3, 4], axis: 1 },
    { shape: [2, 1], axis: 1 },
  ];
  for (const { shape, axis } of cases) {
    for (const op of ['softmax', 'logSoftmax'] as const) {
      const label = `${op} of [${shape}] along axis ${axis}`;
      const engineFn = (a: Tensor) => a[op](axis);
      // tfjs only normalises along the last axis: move ours there and back.
      const tfFn = (a: tf.Tensor) => {
        const ax = axis < 0 ? axis + shape.length : axis;
        const perm = shape.map((_, i) => i);
        perm[ax] = shape.length - 1;
        perm[shape.length - 1] = ax;
        const moved = tf.transpose(a, perm);
        return tf.transpose(op === 'softmax' ? tf.softmax(moved) : tf.logSoftmax(moved), perm);
      };
      it(`${label}: gradients match finite differences`, () => {
        assertGradcheck(engineFn, [randomTensor(shape, rng(label), { low: -3, high: 3 })]);
      });
      it(`${label}: values and gradients match TensorFlow.js`, async () => {
        const x = randomTensor(shape, rng(`tf ${label}`), { low: -3, high: 3 });
        await assertMatchesTf([{ shape, data: x.data }], engineFn, tfFn);
      });
    }
  }

  it('stays finite for large logits', () => {
    const x = new Tensor(Float64Array.from([1000, 0, -1000]), [3]);
    expect(Array.from(x.softmax().data)).toEqual([1, 0, 0]);
    expect(x.logSoftmax().data[0]).toBe(0);
  });
});
