import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { rng } from '../rng';
import { assertGradcheck } from '../testing/gradcheck';
import { assertMatchesTf, randomInput } from '../testing/tfjs-compare';
import { broadcastCases, randomAwayFromZero, randomBroadcastPair, randomTensor } from '../testing/random-shapes';
import type { Rng } from '../rng';

interface BinaryCase {
  name: string;
  engine: (a: Tensor, b: Tensor) => Tensor;
  reference: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
  /** Input generator: keeps pow's base positive and div's denominator away from 0. */
  make: (shape: number[], random: Rng, operand: 0 | 1) => Tensor;
}

const anyValue = (shape: number[], random: Rng) => randomTensor(shape, random);
const binaryCases: BinaryCase[] = [
  { name: 'add', engine: (a, b) => a.add(b), reference: tf.add, make: anyValue },
  { name: 'sub', engine: (a, b) => a.sub(b), reference: tf.sub, make: anyValue },
  { name: 'mul', engine: (a, b) => a.mul(b), reference: tf.mul, make: anyValue },
  { name: 'div', engine: (a, b) => a.div(b), reference: tf.div, make: (s, r, i) => (i === 0 ? randomTensor(s, r) : randomAwayFromZero(s, r, 0.5)) },
  { name: 'pow', engine: (a, b) => a.pow(b), reference: tf.pow, make: (s, r, i) => randomTensor(s, r, i === 0 ? { low: 0.5, high: 2 } : { low: -2, high: 2 }) },
];

interface UnaryCase {
  name: string;
  engine: (a: Tensor) => Tensor;
  reference: (a: tf.Tensor) => tf.Tensor;
  low: number;
  high: number;
  /** For ops with a kink at 0: keep |x| ≥ 0.1 so the finite difference never straddles it. */
  isKinkedAtZero?: boolean;
}

const unaryCases: UnaryCase[] = [
  { name: 'neg', engine: (a) => a.neg(), reference: tf.neg, low: -2, high: 2 },
  { name: 'exp', engine: (a) => a.exp(), reference: tf.exp, low: -2, high: 2 },
  { name: 'log', engine: (a) => a.log(), reference: tf.log, low: 0.2, high: 3 },
  { name: 'sqrt', engine: (a) => a.sqrt(), reference: tf.sqrt, low: 0.2, high: 3 },
  { name: 'abs', engine: (a) => a.abs(), reference: tf.abs, low: -2, high: 2, isKinkedAtZero: true },
  { name: 'sigmoid', engine: (a) => a.sigmoid(), reference: tf.sigmoid, low: -4, high: 4 },
  { name: 'tanh', engine: (a) => a.tanh(), reference: tf.tanh, low: -3, high: 3 },
  { name: 'relu', engine: (a) => a.relu(), reference: tf.relu, low: -2, high: 2, isKinkedAtZero: true },
  { name: 'leakyRelu', engine: (a) => a.leakyRelu(0.1), reference: (a) => tf.leakyRelu(a, 0.1), low: -2, high: 2, isKinkedAtZero: true },
];

function unaryInput(c: UnaryCase, shape: number[], random: Rng): Tensor {
  return c.isKinkedAtZero ? randomAwayFromZero(shape, random) : randomTensor(shape, random, { low: c.low, high: c.high });
}

describe('binary elementwise ops', () => {
  for (const c of binaryCases) {
    for (const [shapeA, shapeB] of broadcastCases) {
      const label = `${c.name} [${shapeA}] with [${shapeB}]`;

      it(`${label}: gradients match central finite differences`, () => {
        const random = rng(label);
        assertGradcheck(c.engine, [c.make(shapeA, random, 0), c.make(shapeB, random, 1)]);
      });

      it(`${label}: values and gradients match TensorFlow.js`, async () => {
        const random = rng(`tf ${label}`);
        const a = c.make(shapeA, random, 0);
        const b = c.make(shapeB, random, 1);
        await assertMatchesTf(
          [{ shape: shapeA, data: a.data }, { shape: shapeB, data: b.data }],
          c.engine,
          c.reference,
        );
      });
    }
  }

  it('every binary op agrees with finite differences and TensorFlow.js on 20 random broadcast shape pairs', async () => {
    const random = rng('random broadcast pairs');
    for (let trial = 0; trial < 20; trial++) {
      const [shapeA, shapeB] = randomBroadcastPair(random);
      for (const c of binaryCases) {
        const a = c.make(shapeA, random, 0);
        const b = c.make(shapeB, random, 1);
        assertGradcheck(c.engine, [a, b]);
        await assertMatchesTf([{ shape: shapeA, data: a.data }, { shape: shapeB, data: b.data }], c.engine, c.reference);
      }
    }
  });

  it('accepts a plain number as the other operand, keeping the tensor dtype', () => {
    const x = new Tensor(Float32Array.from([1, 2, 3]), [3]);
    const y = x.mul(2).add(1);
    expect(y.dtype).toBe('float32');
    expect(Array.from(y.data)).toEqual([3, 5, 7]);
  });

  it('mixes float32 and float64 in float64, as numpy does', () => {
    const a = new Tensor(Float32Array.from([1.5]), [1]);
    const b = new Tensor(Float64Array.from([0.1]), [1]);
    expect(a.add(b).dtype).toBe('float64');
  });
});

describe('unary elementwise ops', () => {
  const shapes = [[], [1], [5], [2, 3], [2, 1, 3]];
  for (const c of unaryCases) {
    for (const shape of shapes) {
      const label = `${c.name} [${shape}]`;
      it(`${label}: gradients match central finite differences`, () => {
        assertGradcheck(c.engine, [unaryInput(c, shape, rng(label))]);
      });
      it(`${label}: values and gradients match TensorFlow.js`, async () => {
        const x = unaryInput(c, shape, rng(`tf ${label}`));
        await assertMatchesTf([{ shape, data: x.data }], c.engine, c.reference);
      });
    }
  }

  it('step is the perceptron threshold: +1 for s > 0, −1 otherwise (including 0), with no graph', () => {
    const s = new Tensor(Float64Array.from([-2, 0, 1e-9, 3]), [4], true);
    const out = s.step();
    expect(Array.from(out.data)).toEqual([-1, -1, 1, 1]);
    expect(out.requiresGrad).toBe(false);
  });

  it('matches float32 TensorFlow.js on a larger random input in float64 mode too', async () => {
    const input = randomInput([4, 7], 'float64 sigmoid');
    await assertMatchesTf([input], (a) => a.sigmoid().mul(a.tanh()), (a) => tf.mul(tf.sigmoid(a), tf.tanh(a)), { dtype: 'float64' });
  });
});
