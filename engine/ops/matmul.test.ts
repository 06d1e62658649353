import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { rng } from '../rng';
import { assertGradcheck } from '../testing/gradcheck';
import { assertMatchesTf } from '../testing/tfjs-compare';
import { randomBroadcastPair, randomTensor } from '../testing/random-shapes';

const cases: Array<[number[], number[]]> = [
  [[2, 3], [3, 4]],
  [[1, 1], [1, 1]],
  [[5, 1], [1, 3]],
  [[4, 7], [7, 1]],
  [[2, 3, 4], [2, 4, 5]],
  [[2, 3, 4], [4, 5]],
  [[3, 4], [2, 4, 5]],
  [[2, 1, 3, 4], [1, 3, 4, 2]],
  [[3], [3, 2]],
  [[2, 3], [3]],
  [[4], [4]],
  [[2, 2, 3], [3]],
  [[9, 13], [13, 6]], // odd sizes exercise the unrolled kernels' remainder loops
];

/** tfjs matMul wants rank ≥ 2 and equal batch ranks: lift 1-D operands and broadcast batches explicitly. */
function tfMatmul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const a2 = a.rank === 1 ? a.reshape([1, a.shape[0]]) : a;
  const b2 = b.rank === 1 ? b.reshape([b.shape[0], 1]) : b;
  const rank = Math.max(a2.rank, b2.rank);
  const batchShape: number[] = [];
  for (let i = 0; i < rank - 2; i++) {
    const da = a2.shape[a2.rank - rank + i] ?? 1;
    const db = b2.shape[b2.rank - rank + i] ?? 1;
    batchShape.push(Math.max(da, db));
  }
  const aFull = tf.broadcastTo(a2, [...batchShape, ...a2.shape.slice(-2)]);
  const bFull = tf.broadcastTo(b2, [...batchShape, ...b2.shape.slice(-2)]);
  let out = tf.matMul(aFull, bFull);
  if (a.rank === 1) out = out.squeeze([out.rank - 2]);
  if (b.rank === 1) out = out.squeeze([out.rank - 1]);
  return out;
}

describe('matmul', () => {
  for (const [shapeA, shapeB] of cases) {
    const label = `[${shapeA}] @ [${shapeB}]`;
    it(`${label}: gradients match finite differences`, () => {
      const random = rng(label);
      assertGradcheck((a, b) => a.matmul(b), [randomTensor(shapeA, random), randomTensor(shapeB, random)]);
    });
    it(`${label}: values and gradients match TensorFlow.js`, async () => {
      const random = rng(`tf ${label}`);
      const a = randomTensor(shapeA, random);
      const b = randomTensor(shapeB, random);
      await assertMatchesTf([{ shape: shapeA, data: a.data }, { shape: shapeB, data: b.data }], (x, y) => x.matmul(y), tfMatmul);
    });
  }

  it('agrees with TensorFlow.js on a 70×130 @ 130×90 float32 product (blocked kernel paths)', async () => {
    const random = rng('large matmul');
    const a = randomTensor([70, 130], random);
    const b = randomTensor([130, 90], random);
    await assertMatchesTf([{ shape: [70, 130], data: a.data }, { shape: [130, 90], data: b.data }], (x, y) => x.matmul(y), tfMatmul);
  });

  it('agrees with finite differences and TensorFlow.js on 15 random batched shapes', async () => {
    const random = rng('random matmul shapes');
    for (let trial = 0; trial < 15; trial++) {
      const [batchA, batchB] = randomBroadcastPair(random).map((s) => s.slice(-2));
      const [m, k, n] = [1 + random.int(5), 1 + random.int(5), 1 + random.int(5)];
      const shapeA = [...batchA, m, k];
      const shapeB = [...batchB, k, n];
      const a = randomTensor(shapeA, random);
      const b = randomTensor(shapeB, random);
      assertGradcheck((x, y) => x.matmul(y), [a, b]);
      await assertMatchesTf([{ shape: shapeA, data: a.data }, { shape: shapeB, data: b.data }], (x, y) => x.matmul(y), tfMatmul);
    }
  });

  it('skips the gradient of an operand that does not require grad', () => {
    const x = new Tensor(Float64Array.from([1, 2]), [1, 2]);
    const w = new Tensor(Float64Array.from([3, 4]), [2, 1], true);
    x.matmul(w).sum().backward();
    expect(x.grad).toBeNull();
    expect(Array.from(w.grad?.data ?? [])).toEqual([1, 2]);
  });
});
