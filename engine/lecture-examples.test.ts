import { describe, expect, it } from 'vitest';
import { randn, tensor } from './creation';
import { rng } from './rng';
import { conv2d } from './functional/conv';
import { maxPool2d } from './functional/pool';

/** The lecture's worked numbers, computed by the engine. */
describe('lecture: shopping computational graphs', () => {
  it('2 apples at 100 each with 10% tax: 220, and d/dprice 2.2, d/dcount 110, d/dtax 200', () => {
    const applePrice = tensor(100, { requiresGrad: true });
    const appleCount = tensor(2, { requiresGrad: true });
    const tax = tensor(1.1, { requiresGrad: true });
    const total = applePrice.mul(appleCount).mul(tax);
    total.backward();
    expect(total.item()).toBeCloseTo(220, 10);
    expect(applePrice.grad?.item()).toBeCloseTo(2.2, 10);
    expect(appleCount.grad?.item()).toBeCloseTo(110, 10);
    expect(tax.grad?.item()).toBeCloseTo(200, 10);
  });

  it('plus 3 oranges at 150: 715, and apple count 110, apple price 2.2, orange price 3.3, orange count 165, tax 650', () => {
    const applePrice = tensor(100, { requiresGrad: true });
    const appleCount = tensor(2, { requiresGrad: true });
    const orangePrice = tensor(150, { requiresGrad: true });
    const orangeCount = tensor(3, { requiresGrad: true });
    const tax = tensor(1.1, { requiresGrad: true });
    const total = applePrice.mul(appleCount).add(orangePrice.mul(orangeCount)).mul(tax);
    total.backward();
    expect(total.item()).toBeCloseTo(715, 10);
    expect(appleCount.grad?.item()).toBeCloseTo(110, 10);
    expect(applePrice.grad?.item()).toBeCloseTo(2.2, 10);
    expect(orangePrice.grad?.item()).toBeCloseTo(3.3, 10);
    expect(orangeCount.grad?.item()).toBeCloseTo(165, 10);
    expect(tax.grad?.item()).toBeCloseTo(650, 10);
  });

  it('a multiplication node 10 × 5 with upstream gradient 1.3 sends 6.5 to 10 and 13 to 5', () => {
    const x = tensor(10, { requiresGrad: true });
    const y = tensor(5, { requiresGrad: true });
    x.mul(y).backward(tensor(1.3));
    expect(x.grad?.item()).toBeCloseTo(6.5, 12);
    expect(y.grad?.item()).toBeCloseTo(13, 12);
  });
});

describe('lecture: convolution', () => {
  it('the 5×5 binary image convolved with the 3×3 X-shaped filter gives [[4,3,4],[2,4,3],[2,3,4]]', () => {
    const image = tensor([[[[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]]]]);
    const filter = tensor([[[[1, 0, 1], [0, 1, 0], [1, 0, 1]]]]);
    expect(conv2d(image, filter).toArray()).toEqual([[[[4, 3, 4], [2, 4, 3], [2, 3, 4]]]]);
  });

  it("LeNet-5's shapes: 32×32 → 6@28×28 → 6@14×14 → 16@10×10 → 16@5×5 → 120 → 84 → 10, and backward reaches every weight", () => {
    const random = rng('lenet');
    const w = (shape: number[]) => randn(shape, random, { std: 0.1, requiresGrad: true });
    const [c1, c3, f5, f6, out] = [w([6, 1, 5, 5]), w([16, 6, 5, 5]), w([400, 120]), w([120, 84]), w([84, 10])];
    const x = randn([2, 1, 32, 32], random);

    const h1 = conv2d(x, c1).tanh();
    expect(h1.shape).toEqual([2, 6, 28, 28]);
    const s2 = maxPool2d(h1, { kernel: 2 });
    expect(s2.shape).toEqual([2, 6, 14, 14]);
    const h3 = conv2d(s2, c3).tanh();
    expect(h3.shape).toEqual([2, 16, 10, 10]);
    const s4 = maxPool2d(h3, { kernel: 2 });
    expect(s4.shape).toEqual([2, 16, 5, 5]);
    const h5 = s4.reshape([2, -1]).matmul(f5).tanh();
    expect(h5.shape).toEqual([2, 120]);
    const h6 = h5.matmul(f6).tanh();
    expect(h6.shape).toEqual([2, 84]);
    const logits = h6.matmul(out);
    expect(logits.shape).toEqual([2, 10]);

    logits.sum().backward();
    for (const p of [c1, c3, f5, f6, out]) expect(p.grad?.shape).toEqual(p.shape);
  });
});
