import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  avgPool2d,
  binaryCrossEntropyWithLogits,
  concat,
  conv2d,
  crossEntropy,
  lstmCell,
  maxPool2d,
  mseLoss,
  multiHeadAttention,
  rng,
  setKernelBackend,
  kernelBackend,
  kernelReport,
  stack,
  Tensor,
  type KernelBackend,
  type Rng,
} from '../index';
import { buildKernels, KERNELS_WASM } from './build-kernels';
import { loadWasmKernels } from './wasm';

/**
 * The WebAssembly kernels against the TypeScript reference: every op's forward value and the
 * gradient of every input, on random shapes (1×N, N×1, odd sizes, broadcast batches), float32,
 * through both backends. Agreement is relative to the largest reference value:
 * max |wasm − ts| ≤ 1e-5 · max |ts| (the TS kernels accumulate in float64, the wasm ones in
 * float32, so bit equality is not expected).
 */
const TOLERANCE = 1e-5;

type Case = (random: Rng) => { inputs: Tensor[]; output: Tensor };

function f32(shape: readonly number[], random: Rng, low = -1, high = 1): Tensor {
  const size = shape.reduce((p, d) => p * d, 1);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = random.uniform(low, high);
  return new Tensor(data, shape, true);
}

function runOn(backend: KernelBackend, seed: string, build: Case): { values: Float32Array[] } {
  setKernelBackend(backend);
  try {
    const random = rng(seed);
    const { inputs, output } = build(random);
    const seedGrad = f32(output.shape, random);
    output.backward(new Tensor(seedGrad.data, output.shape));
    return { values: [output.data as Float32Array, ...inputs.map((t) => (t.grad?.data ?? new Float32Array(0)) as Float32Array)] };
  } finally {
    setKernelBackend(null);
  }
}

function relativeError(reference: Float32Array, other: Float32Array): number {
  expect(other.length).toBe(reference.length);
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < reference.length; i++) {
    worst = Math.max(worst, Math.abs(other[i] - reference[i]));
    scale = Math.max(scale, Math.abs(reference[i]));
  }
  return scale === 0 ? worst : worst / scale;
}

function expectAgreement(name: string, build: Case, seeds = 3): void {
  for (let s = 0; s < seeds; s++) {
    const seed = `${name}:${s}`;
    const ts = runOn('ts', seed, build);
    const wasm = runOn('wasm', seed, build);
    expect(wasm.values.length).toBe(ts.values.length);
    ts.values.forEach((reference, i) => {
      const error = relativeError(reference, wasm.values[i]);
      expect(error, `${name} seed ${s}, ${i === 0 ? 'forward' : `gradient of input ${i - 1}`}`).toBeLessThanOrEqual(TOLERANCE);
    });
  }
}

/** A dimension drawn from the awkward sizes: 1, odd, just past a micro-tile edge, and larger. */
const dims = [1, 2, 3, 5, 7, 9, 13, 17, 33, 65];
const pick = (random: Rng) => dims[random.int(dims.length)];

describe('wasm kernels: build and load', () => {
  it('kernels.wasm is what `npm run build:kernels` builds from engine/kernels/assembly (same bytes)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kernels-'));
    try {
      const out = path.join(dir, 'kernels.wasm');
      buildKernels(out);
      expect(Buffer.compare(readFileSync(out), readFileSync(KERNELS_WASM))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('loads in Node and is the default float32 backend; ENGINE_KERNELS / setKernelBackend switch it', () => {
    expect(loadWasmKernels()).not.toBeNull();
    expect(kernelBackend()).toBe(process.env.ENGINE_KERNELS === 'ts' ? 'ts' : 'wasm');
    setKernelBackend('ts');
    expect(kernelBackend()).toBe('ts');
    setKernelBackend('wasm');
    expect(kernelBackend()).toBe('wasm');
    setKernelBackend(null);
  });

  it('kernelReport() counts wasm kernel calls on the wasm backend and none on the TS backend', () => {
    const random = rng('report');
    const a = f32([5, 7], random);
    const b = f32([7, 3], random);
    setKernelBackend('ts');
    const start = kernelReport().wasmCalls;
    a.matmul(b).sum().backward();
    expect(kernelReport()).toMatchObject({ backend: 'ts', wasmCalls: start });
    setKernelBackend('wasm');
    a.matmul(b).sum().backward(); // forward, dA and dB: three GEMMs
    expect(kernelReport()).toMatchObject({ backend: 'wasm', wasmCalls: start + 3, loadError: null });
    setKernelBackend(null);
  });

  it('really runs the SIMD GEMM (a result differs in its last bits from the float64-accumulating TS kernel somewhere)', () => {
    const random = rng('differs');
    const a = f32([64, 300], random);
    const b = f32([300, 40], random);
    setKernelBackend('ts');
    const ts = a.matmul(b).data;
    setKernelBackend('wasm');
    const wasm = a.matmul(b).data;
    setKernelBackend(null);
    let differing = 0;
    for (let i = 0; i < ts.length; i++) if (ts[i] !== wasm[i]) differing++;
    expect(differing).toBeGreaterThan(0);
    expect(relativeError(ts as Float32Array, wasm as Float32Array)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('wasm kernels agree with the TypeScript kernels (float32, forward and backward)', () => {
  it('matmul: 2-D on awkward sizes (1×N, N×1, odd, past the tile and cache blocks)', () => {
    expectAgreement('matmul-2d', (random) => {
      const [m, k, n] = [pick(random), pick(random), pick(random)];
      const a = f32([m, k], random);
      const b = f32([k, n], random);
      return { inputs: [a, b], output: a.matmul(b) };
    }, 12);
    expectAgreement('matmul-large', (random) => {
      const a = f32([70, 300], random);
      const b = f32([300, 263], random);
      return { inputs: [a, b], output: a.matmul(b) };
    }, 1);
  });

  it('matmul: vectors and broadcast batches', () => {
    const shapes: Array<[number[], number[]]> = [
      [[7], [7, 3]], [[4, 7], [7]], [[1, 9], [9, 1]], [[9, 1], [1, 9]],
      [[3, 1, 5, 7], [4, 7, 2]], [[2, 5, 3], [3, 6]], [[5, 3], [4, 3, 2]], [[2, 1, 3, 4], [1, 5, 4, 6]],
    ];
    shapes.forEach(([sa, sb], i) => expectAgreement(`matmul-batch-${i}`, (random) => {
      const a = f32(sa, random);
      const b = f32(sb, random);
      return { inputs: [a, b], output: a.matmul(b) };
    }, 2));
  });

  it('conv2d with and without bias, stride and padding, several channels', () => {
    const configs = [
      { x: [8, 1, 28, 28], w: [16, 1, 5, 5], stride: 1, padding: 0, bias: true },
      { x: [2, 3, 9, 7], w: [5, 3, 3, 3], stride: 1, padding: 1, bias: true },
      { x: [1, 2, 11, 13], w: [3, 2, 3, 2], stride: 2, padding: 1, bias: false },
      { x: [3, 4, 6, 6], w: [1, 4, 1, 1], stride: 1, padding: 0, bias: true },
      { x: [2, 1, 5, 17], w: [7, 1, 5, 3], stride: [2, 1] as [number, number], padding: [0, 2] as [number, number], bias: false },
    ];
    configs.forEach((c, i) => expectAgreement(`conv-${i}`, (random) => {
      const x = f32(c.x, random);
      const w = f32(c.w, random);
      const b = c.bias ? f32([c.w[0]], random) : null;
      return { inputs: b ? [x, w, b] : [x, w], output: conv2d(x, w, b, { stride: c.stride, padding: c.padding }) };
    }, 2));
  });

  it('elementwise ops, with broadcasting', () => {
    const unary = ['neg', 'exp', 'tanh', 'sigmoid', 'relu', 'abs'] as const;
    for (const op of unary) {
      expectAgreement(`unary-${op}`, (random) => {
        const x = f32([pick(random), pick(random)], random);
        return { inputs: [x], output: x[op]() };
      }, 2);
    }
    expectAgreement('unary-log-sqrt', (random) => {
      const x = f32([pick(random), 3], random, 0.1, 2);
      return { inputs: [x], output: x.log().add(x.sqrt()).add(x.leakyRelu(0.1)) };
    }, 2);
    for (const op of ['add', 'sub', 'mul', 'div', 'pow'] as const) {
      expectAgreement(`binary-${op}`, (random) => {
        const a = f32([3, 1, pick(random)], random, 0.5, 1.5);
        const b = f32([4, 1], random, 0.5, 1.5);
        return { inputs: [a, b], output: a[op](b) };
      }, 2);
    }
  });

  it('reductions, softmax and shape ops', () => {
    expectAgreement('reductions', (random) => {
      const x = f32([pick(random), 5, 3], random);
      const flat = (t: Tensor) => t.reshape([-1]);
      return { inputs: [x], output: concat([flat(x.sum(1)), flat(x.mean([0, 2], true)), flat(x.max(2)), flat(x.sum()), flat(x.transpose(2, 0, 1)), flat(x.slice(1, 1, 4))], 0) };
    }, 2);
    expectAgreement('softmax', (random) => {
      const x = f32([pick(random), pick(random)], random, -3, 3);
      return { inputs: [x], output: stack([x.softmax(-1), x.logSoftmax(0)], 0) };
    }, 2);
  });

  it('losses, pooling, LSTM cell and multi-head attention (the playground models\' building blocks)', () => {
    expectAgreement('losses', (random) => {
      const logits = f32([6, 4], random);
      const target = f32([6, 4], random);
      const labels = [0, 3, 1, 2, 2, 1];
      return { inputs: [logits, target], output: crossEntropy(logits, labels).add(mseLoss(logits, target)).add(binaryCrossEntropyWithLogits(logits, target.sigmoid())) };
    }, 2);
    expectAgreement('pool-after-conv', (random) => {
      const x = f32([2, 3, 12, 12], random);
      const w = f32([4, 3, 3, 3], random);
      const y = conv2d(x, w, null, { padding: 1 }).relu();
      return { inputs: [x, w], output: maxPool2d(y, { kernel: 2 }).add(avgPool2d(y, { kernel: 2 })) };
    }, 2);
    expectAgreement('lstm', (random) => {
      const [batch, input, hidden] = [5, 7, 9];
      const x = f32([batch, input], random);
      const h = f32([batch, hidden], random);
      const c = f32([batch, hidden], random);
      const params = { Wx: f32([input, 4 * hidden], random), Wh: f32([hidden, 4 * hidden], random), b: f32([4 * hidden], random) };
      const step = lstmCell(x, h, c, params);
      return { inputs: [x, h, c, params.Wx, params.Wh, params.b], output: step.h.add(step.c) };
    }, 2);
    expectAgreement('attention', (random) => {
      const x = f32([2, 5, 8], random);
      const weights = { Wq: f32([8, 8], random), Wk: f32([8, 8], random), Wv: f32([8, 8], random), Wo: f32([8, 8], random) };
      return { inputs: [x, weights.Wq, weights.Wk, weights.Wv, weights.Wo], output: multiHeadAttention(x, x, weights, { heads: 2 }).output };
    }, 2);
  });
});
