import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { randn } from '../creation';
import { rng } from '../rng';
import { Linear } from './index';
import { compareModuleWithTf, type ModuleComparison } from '../testing/tf-reference';

function expectAgreement(cmp: ModuleComparison): void {
  const tol = 2e-5 * Math.max(1, cmp.scale);
  expect(cmp.forwardError).toBeLessThan(tol);
  for (const e of cmp.gradErrors) expect(e).toBeLessThan(tol);
}

describe('Linear', () => {
  it('computes x W + b with the gradients of TensorFlow.js', async () => {
    const layer = new Linear(5, 3, { rng: rng('lin') });
    const x = randn([4, 5], rng('x'), { requiresGrad: true });
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x],
      () => layer.forward(x),
      ([W, b], [tx]) => tf.add(tf.matMul(tx, W), b),
    );
    expectAgreement(cmp);
  });

  it('maps [..., in] to [..., out] for inputs with several leading axes', async () => {
    const layer = new Linear(4, 6, { rng: rng('lin3') });
    const x = randn([2, 3, 4], rng('x3'), { requiresGrad: true });
    const cmp = await compareModuleWithTf(
      layer.parameters(),
      [x],
      () => layer.forward(x),
      ([W, b], [tx]) => tf.reshape(tf.add(tf.matMul(tf.reshape(tx, [6, 4]), W), b), [2, 3, 6]),
    );
    expectAgreement(cmp);
  });

  it('has no bias parameter with bias: false', () => {
    const layer = new Linear(3, 2, { rng: rng(0), bias: false });
    expect(layer.parameters()).toEqual([layer.weight]);
    expect(layer.bias).toBeNull();
  });

  it('draws Xavier-uniform weights: inside ±√(6/(in+out)) with variance 2/(in+out)', () => {
    const [fanIn, fanOut] = [200, 300];
    const w = Array.from(new Linear(fanIn, fanOut, { rng: rng('xavier') }).weight.data);
    const bound = Math.sqrt(6 / (fanIn + fanOut));
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.99 * bound);
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance / (2 / (fanIn + fanOut))).toBeCloseTo(1, 1);
  });

  it('draws He-normal weights with mean 0 and variance 2/in', () => {
    const [fanIn, fanOut] = [100, 600];
    const w = Array.from(new Linear(fanIn, fanOut, { rng: rng('he'), init: 'he' }).weight.data);
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const variance = w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(variance / (2 / fanIn)).toBeCloseTo(1, 1);
  });

  it('starts with a zero bias and the same weights for the same seed, different ones for another', () => {
    const a = new Linear(4, 4, { rng: rng(7) });
    const b = new Linear(4, 4, { rng: rng(7) });
    const c = new Linear(4, 4, { rng: rng(8) });
    expect(Array.from(a.weight.data)).toEqual(Array.from(b.weight.data));
    expect(Array.from(a.weight.data)).not.toEqual(Array.from(c.weight.data));
    expect(Array.from(a.bias!.data)).toEqual([0, 0, 0, 0]);
  });
});
