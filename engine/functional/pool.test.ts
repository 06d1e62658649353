import { describe, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { rng } from '../rng';
import { avgPool2d, maxPool2d, type Pool2dOptions } from './pool';
import { assertGradcheck } from '../testing/gradcheck';
import { assertMatchesTf } from '../testing/tfjs-compare';
import { randomTensor } from '../testing/random-shapes';

const cases: Array<{ x: number[]; options: Pool2dOptions; kernel: [number, number]; stride: [number, number] }> = [
  { x: [1, 1, 4, 4], options: { kernel: 2 }, kernel: [2, 2], stride: [2, 2] },
  { x: [2, 3, 5, 5], options: { kernel: 2 }, kernel: [2, 2], stride: [2, 2] },
  { x: [2, 2, 6, 7], options: { kernel: 3, stride: 1 }, kernel: [3, 3], stride: [1, 1] },
  { x: [1, 2, 7, 6], options: { kernel: [3, 2], stride: [2, 1] }, kernel: [3, 2], stride: [2, 1] },
];

const nhwc = (f: (x: tf.Tensor4D) => tf.Tensor) => (x: tf.Tensor) => tf.transpose(f(tf.transpose(x, [0, 2, 3, 1]) as tf.Tensor4D), [0, 3, 1, 2]);

describe('maxPool2d and avgPool2d', () => {
  for (const c of cases) {
    const label = `[${c.x}] ${JSON.stringify(c.options)}`;
    it(`max ${label}: gradients match finite differences`, () => {
      assertGradcheck((x) => maxPool2d(x, c.options), [randomTensor(c.x, rng(`max ${label}`))]);
    });
    it(`avg ${label}: gradients match finite differences`, () => {
      assertGradcheck((x) => avgPool2d(x, c.options), [randomTensor(c.x, rng(`avg ${label}`))]);
    });
    it(`max ${label}: values and gradients match TensorFlow.js`, async () => {
      const x = randomTensor(c.x, rng(`tf max ${label}`));
      await assertMatchesTf([{ shape: c.x, data: x.data }], (a) => maxPool2d(a, c.options), nhwc((a) => tf.maxPool(a, c.kernel, c.stride, 'valid')));
    });
    it(`avg ${label}: values and gradients match TensorFlow.js`, async () => {
      const x = randomTensor(c.x, rng(`tf avg ${label}`));
      await assertMatchesTf([{ shape: c.x, data: x.data }], (a) => avgPool2d(a, c.options), nhwc((a) => tf.avgPool(a, c.kernel, c.stride, 'valid')));
    });
  }
});
