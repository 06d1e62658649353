import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { tensor } from '../creation';
import { rng } from '../rng';
import { Adam, SGD, type Optimizer } from './index';

await tf.setBackend('cpu');

/** A loss whose gradient differs per weight and changes along the way: Σ (w ⊙ a − t)² + 0.1 Σ w³. */
const a = [0.5, -1.5, 2, 0.25, -0.75, 1];
const targets = [1, -2, 0.5, 3, 0, -1];

function engineLoss(w: Tensor): Tensor {
  const residual = w.mul(tensor(a)).sub(tensor(targets));
  return residual.mul(residual).sum().add(w.mul(w).mul(w).mul(0.1).sum());
}

function tfLoss(w: tf.Variable): tf.Scalar {
  const residual = tf.sub(tf.mul(w, tf.tensor1d(a)), tf.tensor1d(targets));
  return tf.add(tf.sum(tf.square(residual)), tf.sum(tf.mul(0.1, tf.pow(w, 3)))) as tf.Scalar;
}

const w0 = [0.3, -0.2, 0.1, 0.5, -0.4, 0.2];

/** Run both optimisers for `steps` steps from w0 and return the two trajectories. */
function runBoth(makeEngine: (params: Tensor[]) => Optimizer, tfOptimizer: tf.Optimizer, steps: number) {
  const w = tensor(w0, { requiresGrad: true });
  const optimizer = makeEngine([w]);
  const tw = tf.variable(tf.tensor1d(w0));
  const ours: number[][] = [];
  const theirs: number[][] = [];
  for (let s = 0; s < steps; s++) {
    optimizer.zeroGrad();
    engineLoss(w).backward();
    optimizer.step();
    ours.push(Array.from(w.data));
    tfOptimizer.minimize(() => tfLoss(tw));
    theirs.push(Array.from(tw.dataSync()));
  }
  tw.dispose();
  return { ours, theirs };
}

function expectSameTrajectory(ours: number[][], theirs: number[][]): void {
  ours.forEach((step, s) => step.forEach((v, i) => expect(Math.abs(v - theirs[s][i])).toBeLessThan(1e-4 * Math.max(1, Math.abs(v)))));
}

describe('SGD', () => {
  it('takes the same steps as tf.train.sgd', () => {
    const { ours, theirs } = runBoth((p) => new SGD(p, { lr: 0.05 }), tf.train.sgd(0.05), 10);
    expectSameTrajectory(ours, theirs);
  });

  it('with momentum takes the same steps as tf.train.momentum', () => {
    const { ours, theirs } = runBoth((p) => new SGD(p, { lr: 0.02, momentum: 0.9 }), tf.train.momentum(0.02, 0.9), 15);
    expectSameTrajectory(ours, theirs);
  });

  it('with Nesterov momentum takes the same steps as tf.train.momentum(…, useNesterov)', () => {
    const { ours, theirs } = runBoth((p) => new SGD(p, { lr: 0.02, momentum: 0.8, nesterov: true }), tf.train.momentum(0.02, 0.8, true), 15);
    expectSameTrajectory(ours, theirs);
  });

  it('applies weight decay and dampening as PyTorch: g ← ∇ + λw, b ← μb + (1 − τ)g, w ← w − lr·b', () => {
    // Gradient of ½ Σ w² is w, so every quantity can be followed by hand.
    const w = tensor([1, -2], { requiresGrad: true });
    const opt = new SGD([w], { lr: 0.1, momentum: 0.5, dampening: 0.2, weightDecay: 0.3 });
    const step = () => {
      opt.zeroGrad();
      w.mul(w).sum().mul(0.5).backward();
      opt.step();
    };
    step(); // g = w + 0.3w = 1.3w; first buffer b = g (no dampening on the first step); w ← w − 0.1·1.3w = 0.87w
    expect(Array.from(w.data)).toEqual([1 - 0.1 * 1.3, -2 + 0.1 * 2.6]);
    const b1 = [1.3, -2.6];
    const wAfter1 = [0.87, -1.74];
    step(); // g = 1.3·w₁; b = 0.5·b₁ + 0.8·g; w ← w₁ − 0.1·b
    const expected = wAfter1.map((wi, i) => wi - 0.1 * (0.5 * b1[i] + 0.8 * 1.3 * wi));
    expect(w.data[0]).toBeCloseTo(expected[0], 14);
    expect(w.data[1]).toBeCloseTo(expected[1], 14);
  });

  it('leaves parameters without a gradient untouched', () => {
    const used = tensor([1, 2], { requiresGrad: true });
    const unused = tensor([3, 4], { requiresGrad: true });
    const opt = new SGD([used, unused], { lr: 0.5, momentum: 0.9 });
    used.sum().backward();
    opt.step();
    expect(Array.from(used.data)).toEqual([0.5, 1.5]);
    expect(Array.from(unused.data)).toEqual([3, 4]);
  });

  it('rejects Nesterov without momentum', () => {
    expect(() => new SGD([], { lr: 0.1, nesterov: true })).toThrow(/Nesterov/);
  });
});

describe('Adam', () => {
  it('takes the same steps as tf.train.adam (bias-corrected moments)', () => {
    const { ours, theirs } = runBoth(
      (p) => new Adam(p, { lr: 0.05, betas: [0.9, 0.999], eps: 1e-7 }),
      tf.train.adam(0.05, 0.9, 0.999, 1e-7),
      20,
    );
    expectSameTrajectory(ours, theirs);
  });

  it('moves every weight by lr·sign(g) on the first step, the hallmark of bias correction', () => {
    // With m̂ = g and v̂ = g² after one step, the update is lr · g / (|g| + ε).
    const w = tensor([0.5, -3, 2], { requiresGrad: true });
    const opt = new Adam([w], { lr: 0.01, eps: 0 });
    w.mul(tensor([4, -0.001, 250])).sum().backward();
    opt.step();
    expect(w.data[0]).toBeCloseTo(0.49, 14);
    expect(w.data[1]).toBeCloseTo(-2.99, 14);
    expect(w.data[2]).toBeCloseTo(1.99, 14);
  });

  it('adds λw to the gradient before the moments (L2 weight decay, as torch.optim.Adam)', () => {
    // Loss 0 ⇒ ∇ = 0, so the whole gradient is λw; first step moves by lr·sign(λw).
    const w = tensor([2, -1], { requiresGrad: true });
    const opt = new Adam([w], { lr: 0.1, weightDecay: 0.01, eps: 0 });
    w.mul(0).sum().backward();
    opt.step();
    expect(w.data[0]).toBeCloseTo(1.9, 14);
    expect(w.data[1]).toBeCloseTo(-0.9, 14);
  });

  it('counts steps per parameter, so a parameter that missed a step is corrected for its own count', () => {
    const p = tensor([1], { requiresGrad: true });
    const q = tensor([1], { requiresGrad: true });
    const opt = new Adam([p, q], { lr: 0.1, eps: 0 });
    p.mul(2).sum().backward(); // step 1: only p has a gradient
    opt.step();
    expect(q.data[0]).toBe(1);
    opt.zeroGrad();
    q.mul(2).sum().backward(); // q's first step: again exactly lr·sign(g)
    opt.step();
    expect(q.data[0]).toBeCloseTo(0.9, 14);
  });

  it('trains a float32 parameter in place, keeping its dtype', () => {
    const r = rng('adam-f32');
    const w = tensor({ data: [r.normal(), r.normal()], shape: [2] }, { requiresGrad: true, dtype: 'float32' });
    const opt = new Adam([w], { lr: 0.1 });
    for (let i = 0; i < 200; i++) {
      opt.zeroGrad();
      w.sub(tensor([1, -1], { dtype: 'float32' })).pow(2).sum().backward();
      opt.step();
    }
    expect(w.dtype).toBe('float32');
    expect(w.data[0]).toBeCloseTo(1, 2);
    expect(w.data[1]).toBeCloseTo(-1, 2);
  });
});
