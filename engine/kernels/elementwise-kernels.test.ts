import { describe, expect, it } from 'vitest';
import { kernelReport, rng, setKernelBackend, Tensor, type KernelBackend } from '../index';
import { WASM_BACKWARD_MIN, WASM_FORWARD_MIN } from '../ops/elementwise';
import { loadWasmKernels, type UnaryKernel } from './wasm';

/**
 * The f32x4 elementwise kernels (assembly/elementwise.ts): accuracy of their exp, σ and tanh
 * against Math (float64) on dense grids, and agreement of the ops' forward and backward with the
 * TypeScript loops on 1×N, N×1, odd sizes and sizes around the wasm thresholds, element by
 * element (relative 1e-5).
 */
const kernels = loadWasmKernels();
if (kernels === null) throw new Error('the WebAssembly kernels did not load');

const reference: Record<UnaryKernel, (x: number) => number> = {
  exp: Math.exp,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
};

/** Largest |f32 kernel − float64 Math| / |Math| over xs, where the exact value is a normal float32 (subnormals: absolute 1e-44). */
function worstRelativeError(op: UnaryKernel, xs: Float32Array): number {
  const out = new Float32Array(xs.length);
  kernels!.unary(op, xs, out, xs.length);
  let worst = 0;
  for (let i = 0; i < xs.length; i++) {
    const exact = reference[op](xs[i]);
    if (Math.abs(exact) < 1.1754943508222875e-38) {
      expect(Math.abs(out[i] - exact), `${op}(${xs[i]}) subnormal`).toBeLessThan(1e-44);
      continue;
    }
    if (!Number.isFinite(Math.fround(exact))) {
      expect(out[i], `${op}(${xs[i]}) overflows`).toBe(Math.fround(exact));
      continue;
    }
    worst = Math.max(worst, Math.abs(out[i] - exact) / Math.abs(exact));
  }
  return worst;
}

function grid(low: number, high: number, count: number): Float32Array {
  const xs = new Float32Array(count);
  for (let i = 0; i < count; i++) xs[i] = low + ((high - low) * i) / (count - 1);
  return xs;
}

/** Small magnitudes of both signs, 1e-30 … 1 (where tanh and exp − 1 would cancel). */
function tiny(count: number): Float32Array {
  const xs = new Float32Array(count);
  for (let i = 0; i < count; i++) xs[i] = (i % 2 ? -1 : 1) * 10 ** (-30 + (30 * i) / count);
  return xs;
}

describe('wasm elementwise kernels: accuracy against Math (float64)', () => {
  it('exp: relative error ≤ 1e-6 over the whole float32 range (−87.3 … 88.7), subnormals and overflow like Math.exp in float32', () => {
    const worst = Math.max(worstRelativeError('exp', grid(-87.3, 88.72, 200_003)), worstRelativeError('exp', grid(-2, 2, 100_001)), worstRelativeError('exp', tiny(3001)));
    expect(worst).toBeLessThanOrEqual(1e-6);
    worstRelativeError('exp', Float32Array.of(-104, -100, -95, -88, 89, 100, 1e30));
  });

  it('sigmoid and tanh: relative error ≤ 1e-6, also at tiny inputs and deep in saturation', () => {
    for (const op of ['sigmoid', 'tanh'] as const) {
      const worst = Math.max(worstRelativeError(op, grid(-30, 30, 200_001)), worstRelativeError(op, tiny(3001)), worstRelativeError(op, grid(-103, -80, 1001)));
      expect(worst, op).toBeLessThanOrEqual(1e-6);
    }
  });

  it('NaN stays NaN and ±Infinity gives the limits', () => {
    const xs = Float32Array.of(NaN, Infinity, -Infinity, 0, -0);
    const out = new Float32Array(xs.length);
    kernels.unary('exp', xs, out, xs.length);
    expect(Array.from(out)).toEqual([NaN, Infinity, 0, 1, 1]);
    kernels.unary('sigmoid', xs, out, xs.length);
    expect(Array.from(out)).toEqual([NaN, 1, 0, 0.5, 0.5]);
    kernels.unary('tanh', xs, out, xs.length);
    expect(Array.from(out.slice(0, 4))).toEqual([NaN, 1, -1, 0]);
    expect(Object.is(out[4], -0)).toBe(true);
  });
});

const TOLERANCE = 1e-5;

function run(backend: KernelBackend, op: 'exp' | 'sigmoid' | 'tanh', shape: number[], seed: string): { y: Float32Array; gx: Float32Array; wasmCalls: number } {
  setKernelBackend(backend);
  try {
    const random = rng(seed);
    const size = shape.reduce((p, d) => p * d, 1);
    const x = new Tensor(Float32Array.from({ length: size }, () => random.uniform(-6, 6)), shape, true);
    const g = new Tensor(Float32Array.from({ length: size }, () => random.uniform(-1, 1)), shape);
    const before = kernelReport().wasmCalls;
    const y = x[op]();
    y.backward(g);
    return { y: y.data as Float32Array, gx: x.grad!.data as Float32Array, wasmCalls: kernelReport().wasmCalls - before };
  } finally {
    setKernelBackend(null);
  }
}

/** Element by element: |wasm − ts| ≤ 1e-5 · |ts|; or, with `scaled`, ≤ 1e-5 · max |ts| (as kernels.test.ts). */
function expectClose(name: string, ts: Float32Array, wasm: Float32Array, scaled = false): void {
  expect(wasm.length).toBe(ts.length);
  let scale = 0;
  for (let i = 0; i < ts.length; i++) scale = Math.max(scale, Math.abs(ts[i]));
  let worst = 0;
  for (let i = 0; i < ts.length; i++) worst = Math.max(worst, Math.abs(wasm[i] - ts[i]) / Math.max(scaled ? scale : Math.abs(ts[i]), 1e-30));
  expect(worst, name).toBeLessThanOrEqual(TOLERANCE);
}

describe('wasm elementwise backward kernels: the same g and y give the TS loop\'s gradient element by element', () => {
  it('sigmoid g·y(1 − y) and tanh g·(1 − y²) on odd sizes, y up to 1 − 2⁻²⁴ (saturated)', () => {
    const random = rng('backward-kernels');
    for (const n of [1, 3, 4, 5, 257, 1001]) {
      const g = Float32Array.from({ length: n }, () => random.uniform(-1, 1));
      for (const op of ['sigmoid', 'tanh'] as const) {
        const y = Float32Array.from({ length: n }, (_, i) => (i === 0 ? 1 - 2 ** -24 : op === 'sigmoid' ? random.uniform(0, 1) : random.uniform(-1, 1)));
        const ts = new Float32Array(n);
        for (let i = 0; i < n; i++) ts[i] = op === 'sigmoid' ? g[i] * y[i] * (1 - y[i]) : g[i] * (1 - y[i] * y[i]);
        const wasm = new Float32Array(n);
        kernels.unaryBackward(op, g, y, wasm, n);
        expectClose(`${op} backward n=${n}`, ts, wasm);
      }
    }
  });
});

describe('wasm elementwise kernels agree with the TypeScript loops (float32, forward and backward, element by element)', () => {
  const shapes = [
    [1, 1], [1, 7], [7, 1], [1, 301], [301, 1], [3, 5, 7], [13, 17],
    [1, WASM_FORWARD_MIN - 1], [WASM_FORWARD_MIN, 1], [1, WASM_FORWARD_MIN + 1],
    [WASM_BACKWARD_MIN - 1, 1], [1, WASM_BACKWARD_MIN], [WASM_BACKWARD_MIN + 1, 1], [32, 16], [33, 4, 9],
  ];
  for (const op of ['exp', 'sigmoid', 'tanh'] as const) {
    it(`${op}: ${shapes.length} shapes around the thresholds`, () => {
      shapes.forEach((shape, s) => {
        const name = `${op} [${shape.join(', ')}]`;
        const ts = run('ts', op, shape, `${op}:${s}`);
        const wasm = run('wasm', op, shape, `${op}:${s}`);
        expect(ts.wasmCalls, `${name} TS path`).toBe(0);
        const size = ts.y.length;
        // exp's backward is g·y in TS for every size (a multiply does not pay for the copies).
        const expected = (size >= WASM_FORWARD_MIN ? 1 : 0) + (op !== 'exp' && size >= WASM_BACKWARD_MIN ? 1 : 0);
        expect(wasm.wasmCalls, `${name} wasm calls`).toBe(expected);
        expectClose(`${name} forward`, ts.y, wasm.y);
        // The two backwards start from the two forwards' y, which differ in their last bits; where
        // tanh/σ saturate, 1 − y amplifies that (the gradient of a saturated unit is ill-conditioned
        // in y), so this end-to-end check is relative to the largest gradient. The kernel itself is
        // checked element by element from the same y above.
        expectClose(`${name} backward`, ts.gx, wasm.gx, true);
      });
    });
  }
});
