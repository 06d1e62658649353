import { describe, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { rng } from '../rng';
import { conv2d, type Conv2dOptions } from './conv';
import { assertGradcheck } from '../testing/gradcheck';
import { assertMatchesTf } from '../testing/tfjs-compare';
import { randomTensor } from '../testing/random-shapes';

const cases: Array<{ x: number[]; w: number[]; bias: boolean; options: Conv2dOptions }> = [
  { x: [1, 1, 5, 5], w: [1, 1, 3, 3], bias: false, options: {} },
  { x: [2, 3, 6, 5], w: [4, 3, 3, 2], bias: true, options: {} },
  { x: [2, 2, 7, 7], w: [3, 2, 3, 3], bias: true, options: { stride: 2 } },
  { x: [1, 2, 5, 6], w: [2, 2, 3, 3], bias: true, options: { padding: 1 } },
  { x: [2, 1, 8, 7], w: [2, 1, 4, 3], bias: false, options: { stride: [2, 1], padding: [1, 2] } },
  { x: [1, 3, 4, 4], w: [5, 3, 1, 1], bias: true, options: {} },
];

/** TF.js is NHWC with filters [kh, kw, in, out]: transpose in and out of our NCHW / [out, in, kh, kw]. */
function tfConv(options: Conv2dOptions) {
  const [sh, sw] = typeof options.stride === 'number' || options.stride === undefined ? [options.stride ?? 1, options.stride ?? 1] : options.stride;
  const [ph, pw] = typeof options.padding === 'number' || options.padding === undefined ? [options.padding ?? 0, options.padding ?? 0] : options.padding;
  return (x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor): tf.Tensor => {
    const nhwc = tf.transpose(x, [0, 2, 3, 1]) as tf.Tensor4D;
    const filter = tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D;
    const pad: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [ph, ph], [pw, pw], [0, 0]];
    let out: tf.Tensor = tf.conv2d(nhwc, filter, [sh, sw], pad);
    if (b) out = tf.add(out, b);
    return tf.transpose(out, [0, 3, 1, 2]);
  };
}

describe('conv2d', () => {
  for (const c of cases) {
    const label = `x [${c.x}] * w [${c.w}]${c.bias ? ' + b' : ''} ${JSON.stringify(c.options)}`;
    it(`${label}: gradients match finite differences`, () => {
      const random = rng(label);
      const inputs = [randomTensor(c.x, random), randomTensor(c.w, random)];
      if (c.bias) inputs.push(randomTensor([c.w[0]], random));
      assertGradcheck((x, w, b) => conv2d(x, w, b, c.options), inputs);
    });
    it(`${label}: values and gradients match TensorFlow.js`, async () => {
      const random = rng(`tf ${label}`);
      const inputs = [{ shape: c.x, data: randomTensor(c.x, random).data }, { shape: c.w, data: randomTensor(c.w, random).data }];
      if (c.bias) inputs.push({ shape: [c.w[0]], data: randomTensor([c.w[0]], random).data });
      await assertMatchesTf(inputs, (x, w, b) => conv2d(x, w, b, c.options), tfConv(c.options));
    });
  }
});
