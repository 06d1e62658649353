import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { rng } from '../rng';
import { dropout } from './dropout';
import { assertGradcheck } from '../testing/gradcheck';
import { assertMatchesTf } from '../testing/tfjs-compare';
import { randomTensor } from '../testing/random-shapes';
import { EngineError } from '../errors';

const mask = [1, 0, 1, 1, 0, 1];

describe('dropout', () => {
  it('inverted (default): keeps masked units scaled by 1/(1 − p), matching TensorFlow.js x·mask/(1 − p)', async () => {
    const x = randomTensor([2, 3], rng('dropout'));
    await assertMatchesTf(
      [{ shape: [2, 3], data: x.data }],
      (a) => dropout(a, 0.25, { training: true, mask }),
      (a) => tf.div(tf.mul(a, tf.tensor(mask, [2, 3])), 0.75),
    );
  });

  it('gradients match finite differences for a given mask', () => {
    assertGradcheck((a) => dropout(a, 0.5, { training: true, mask, mode: 'scale-at-test' }), [randomTensor([6], rng('dropout gc'))]);
    assertGradcheck((a) => dropout(a, 0.5, { training: true, mask }), [randomTensor([6], rng('dropout gc inverted'))]);
  });

  it('the lecture\'s variant keeps units unscaled in training and multiplies by (1 − p) at test time', () => {
    const x = new Tensor(Float64Array.from([2, 4, 6, 8, 10, 12]), [2, 3]);
    const train = dropout(x, 0.5, { training: true, mask, mode: 'scale-at-test' });
    expect(Array.from(train.data)).toEqual([2, 0, 6, 8, 0, 12]);
    const test = dropout(x, 0.5, { training: false, mode: 'scale-at-test' });
    expect(Array.from(test.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(dropout(x, 0.5, { training: false })).toBe(x);
  });

  it('draws masks from the seeded rng: same seed, same mask; keep rate near 1 − p', () => {
    const x = new Tensor(new Float64Array(20000).fill(1), [20000]);
    const a = dropout(x, 0.3, { training: true, rng: rng(7) });
    const b = dropout(x, 0.3, { training: true, rng: rng(7) });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const kept = Array.from(a.data).filter((v) => v !== 0).length / x.size;
    expect(Math.abs(kept - 0.7)).toBeLessThan(0.02);
    expect(a.mean().item()).toBeCloseTo(1, 1); // inverted dropout preserves the expectation
  });

  it('rejects a mask of the wrong size, non-binary masks, and a missing rng', () => {
    const x = new Tensor(new Float64Array(6), [2, 3]);
    expect(() => dropout(x, 0.5, { training: true, mask: [1, 0] })).toThrow(EngineError);
    expect(() => dropout(x, 0.5, { training: true, mask: [1, 0, 0.5, 1, 1, 1] })).toThrow(/not 0 or 1/);
    expect(() => dropout(x, 0.5, { training: true })).toThrow(/rng/);
    expect(() => dropout(x, 1, { training: true, rng: rng(1) })).toThrow(/\[0, 1\)/);
  });
});
