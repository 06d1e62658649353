/**
 * Engine vs TensorFlow.js, side by side in one process: warm-up, then the median of several timed
 * samples per row, in CPU time (a shared machine's load inflates wall time, not CPU time); kernel
 * rows interleave the sides and take the median of per-round ratios. Prints PASS/FAIL per
 * kernel target at the end; about a minute of CPU in all. Three parts:
 *
 *  - kernels: the engine's WebAssembly SIMD kernels and its TypeScript kernels against
 *    tfjs-backend-wasm (XNNPACK, SIMD build, checked) on matmul, the dense-layer matmuls and
 *    conv2d; conv2d forward+backward against tfjs-cpu (tfjs-wasm has no filter-gradient kernel);
 *    and one core's measured f32x4 multiply+add peak, for the gap that remains.
 *  - playground: epochs per second of the playground's MLP, CNN and LSTM on the WebAssembly vs
 *    the TS kernels (float32), and float64 as the playground trains today; the spirals race to
 *    95 % against tfjs-wasm.
 *  - layers: whole training steps against tfjs-cpu (the older table).
 *
 * Writes bench/RESULTS.md between <!-- engine:start --> and <!-- engine:end --> (the rest of the
 * file is left alone).
 *
 *   npm run bench:engine                 # full run, updates RESULTS.md
 *   npm run bench:engine -- --samples 5 --part kernels --no-write
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import {
  kernelBackend,
  kernelReport,
  setKernelBackend,
  withDefaultDtype,
  conv2d,
  crossEntropy,
  lstmCell,
  mseLoss,
  multiHeadAttention,
  noGrad,
  randn,
  rng,
  tensor,
  type Tensor,
} from '../engine/index';
import { gemmNN, gemmNT, gemmTN } from '../engine/ops/gemm';
import { loadWasmKernels, PEAK_FLOPS_PER_ITERATION } from '../engine/kernels/wasm';
import { DEFAULT_CONFIGS } from '../engine/playground/default-configs';
import { createLearner } from '../engine/playground/train-model';
import { runGradientTraining } from '../engine/playground/run-gradient-training';
import { writeResultsSection } from './support/results-file';
import { parseBenchArgs } from './support/cli';
import { median } from './support/stats';
import { raceConfig, raceEngine, raceTf, TARGET_ACC, type RaceResult } from './support/spirals-race';

const ZBenchArgs = z.object({
  samples: z.coerce.number().int().min(1).max(50).default(7),
  /** Interleaved rounds of the kernel rows (one sample of each side per round). */
  rounds: z.coerce.number().int().min(3).max(99).default(15),
  /** Minimum time per sample; fast rows repeat their body until they reach it. */
  minSampleMs: z.coerce.number().min(1).max(5000).default(25),
  part: z.enum(['kernels', 'playground', 'layers', 'all']).default('all'),
  /** Seeds of the spirals race. */
  seeds: z.coerce.number().int().min(1).max(20).default(3),
  write: z.boolean().default(true),
});
type TBenchArgs = z.infer<typeof ZBenchArgs>;

/** Median ms (CPU time) per call: warm up, then time `samples` batches of `inner` calls each. */
// TF.js bodies never return the dataSync() array out of tf.tidy: tidy walks every element of a
// returned typed array looking for tensors (walkTensorContainer), which cost more than a 256×256
// matmul itself and made TF.js look 100× slower here than it is.
function measure(fn: () => void, args: TBenchArgs): number {
  for (let i = 0; i < 3; i++) fn();
  let inner = 1;
  for (;;) {
    const start = cpuMs();
    for (let i = 0; i < inner; i++) fn();
    const elapsed = cpuMs() - start;
    if (elapsed >= args.minSampleMs || inner >= 1 << 20) break;
    inner *= Math.max(2, Math.min(10, Math.ceil(args.minSampleMs / Math.max(elapsed, 0.01))));
  }
  const times: number[] = [];
  for (let s = 0; s < args.samples; s++) {
    const start = cpuMs();
    for (let i = 0; i < inner; i++) fn();
    times.push((cpuMs() - start) / inner);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** CPU time this process has used, in ms (user + system, all threads). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Interleaved {
  /** Median ms per call of each function (CPU time). */
  ms: number[];
  /** Per function k, the median over rounds of (time of function 0 / time of function k) in the same round. */
  ratioToFirst: number[];
}

/**
 * Each function's samples interleaved (a, b, c, a, b, c, …), timed in CPU time rather than wall
 * time, and compared round by round. On a shared machine the load comes and goes: wall time
 * counts the moments another process had the core, CPU time does not; and a ratio taken within
 * one round, between samples a few ms apart, cancels what CPU time still feels (caches flushed
 * by the neighbours, a slower clock), so the median of per-round ratios is the robust figure.
 */
function measureInterleaved(fns: ReadonlyArray<() => void>, args: TBenchArgs): Interleaved {
  const inners = fns.map((fn) => {
    for (let i = 0; i < 3; i++) fn();
    let inner = 1;
    for (;;) {
      const start = cpuMs();
      for (let i = 0; i < inner; i++) fn();
      const elapsed = cpuMs() - start;
      if (elapsed >= args.minSampleMs || inner >= 1 << 20) return inner;
      inner *= Math.max(2, Math.min(10, Math.ceil(args.minSampleMs / Math.max(elapsed, 0.01))));
    }
  });
  const times = fns.map(() => [] as number[]);
  for (let s = 0; s < args.rounds; s++) {
    fns.forEach((fn, k) => {
      const start = cpuMs();
      for (let i = 0; i < inners[k]; i++) fn();
      times[k].push((cpuMs() - start) / inners[k]);
    });
  }
  return {
    ms: times.map((t) => median(t)),
    ratioToFirst: times.map((t) => median(t.map((ms, round) => times[0][round] / ms))),
  };
}

interface Row {
  name: string;
  engineMs: number;
  tfMs: number;
  /** FLOPs per call, for the GFLOP/s columns (matmul rows only). */
  flops?: number;
}

const random = rng('bench');
const f32 = { dtype: 'float32' as const };
const param = (shape: number[], std = 0.1) => randn(shape, random, { ...f32, std, requiresGrad: true });
const data = (shape: number[]) => randn(shape, random, f32);
const toTf = (t: Tensor, shape: number[] = [...t.shape]) => tf.tensor(t.data, shape, 'float32');
const toVariable = (t: Tensor) => tf.variable(toTf(t));

/** Plain SGD on the engine's parameters (the bench must not depend on optim/). */
function sgdStep(params: readonly Tensor[], lr: number): void {
  for (const p of params) {
    const g = p.grad;
    if (g) for (let i = 0; i < p.size; i++) p.data[i] -= lr * g.data[i];
    p.zeroGrad();
  }
}

function benchMatmul(n: number, args: TBenchArgs): Row {
  const a = data([n, n]);
  const b = data([n, n]);
  const ta = toTf(a);
  const tb = toTf(b);
  const engineMs = measure(() => { noGrad(() => a.matmul(b)); }, args);
  const tfMs = measure(() => { tf.tidy(() => { tf.matMul(ta, tb).dataSync(); }); }, args);
  tf.dispose([ta, tb]);
  return { name: `matmul ${n}×${n} (float32, forward)`, engineMs, tfMs, flops: 2 * n * n * n };
}

function benchConv(args: TBenchArgs): Row {
  const x = randn([8, 1, 28, 28], random, { ...f32, requiresGrad: true });
  const w = param([8, 1, 5, 5]);
  const engineMs = measure(() => {
    conv2d(x, w).sum().backward();
    x.zeroGrad();
    w.zeroGrad();
  }, args);
  // TF.js's native layouts (NHWC, [kh, kw, in, out]) so it pays no transposes.
  const tx = tf.tensor(x.data, [8, 28, 28, 1], 'float32');
  const tw = tf.tensor(w.data, [5, 5, 1, 8], 'float32');
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid')));
  const tfMs = measure(() => { tf.tidy(() => { for (const g of grads([tx, tw])) g.dataSync(); }); }, args);
  tf.dispose([tx, tw]);
  return { name: 'conv2d fwd+bwd x[8,1,28,28] w[8,1,5,5]', engineMs, tfMs };
}

function benchSmallMlp(args: TBenchArgs): Row {
  const x = data([256, 2]);
  const y = tensor({ data: Array.from({ length: 256 }, (_, i) => Math.sign(x.data[2 * i] * x.data[2 * i + 1])), shape: [256, 1] }, f32);
  const params = [param([2, 16], 0.5), param([16], 0), param([16, 16], 0.3), param([16], 0), param([16, 1], 0.3), param([1], 0)];
  const [w1, b1, w2, b2, w3, b3] = params;
  const engineMs = measure(() => {
    const h1 = x.matmul(w1).add(b1).tanh();
    const h2 = h1.matmul(w2).add(b2).tanh();
    mseLoss(h2.matmul(w3).add(b3), y).backward();
    sgdStep(params, 0.05);
  }, args);
  const tx = toTf(x);
  const ty = toTf(y);
  const [v1, c1, v2, c2, v3, c3] = params.map(toVariable);
  const optimizer = tf.train.sgd(0.05);
  const tfMs = measure(() => {
    const loss = optimizer.minimize(() => {
      const h1 = tf.tanh(tf.add(tf.matMul(tx, v1), c1));
      const h2 = tf.tanh(tf.add(tf.matMul(h1, v2), c2));
      return tf.mean(tf.squaredDifference(tf.add(tf.matMul(h2, v3), c3), ty)) as tf.Scalar;
    }, true);
    loss?.dataSync();
    loss?.dispose();
  }, args);
  tf.dispose([tx, ty, v1, c1, v2, c2, v3, c3]);
  return { name: 'MLP 2-16-16-1 train step, 256 points', engineMs, tfMs };
}

function benchMnistMlp(args: TBenchArgs): Row {
  const x = data([64, 784]);
  const labels = Array.from({ length: 64 }, () => random.int(10));
  const params = [param([784, 128], 0.05), param([128], 0), param([128, 10], 0.1), param([10], 0)];
  const [w1, b1, w2, b2] = params;
  const engineMs = measure(() => {
    const h = x.matmul(w1).add(b1).relu();
    crossEntropy(h.matmul(w2).add(b2), labels).backward();
    sgdStep(params, 0.05);
  }, args);
  const tx = toTf(x);
  const oneHot = tf.oneHot(labels, 10);
  const [v1, c1, v2, c2] = params.map(toVariable);
  const optimizer = tf.train.sgd(0.05);
  const tfMs = measure(() => {
    const loss = optimizer.minimize(() => {
      const h = tf.relu(tf.add(tf.matMul(tx, v1), c1));
      return tf.losses.softmaxCrossEntropy(oneHot, tf.add(tf.matMul(h, v2), c2)) as tf.Scalar;
    }, true);
    loss?.dataSync();
    loss?.dispose();
  }, args);
  tf.dispose([tx, oneHot, v1, c1, v2, c2]);
  return { name: 'MLP 784-128-10 train step, batch 64', engineMs, tfMs };
}

const LSTM = { batch: 8, input: 16, hidden: 32, steps: 20 };

function benchLstm(args: TBenchArgs): Row {
  const { batch, input, hidden, steps } = LSTM;
  const xs = Array.from({ length: steps }, () => data([batch, input]));
  const Wx = param([input, 4 * hidden]);
  const Wh = param([hidden, 4 * hidden]);
  const b = param([4 * hidden], 0);
  const engineMs = measure(() => {
    let h = tensor({ data: new Float32Array(batch * hidden), shape: [batch, hidden] }, f32);
    let c = h;
    for (const x of xs) ({ h, c } = lstmCell(x, h, c, { Wx, Wh, b }));
    h.sum().backward();
    for (const p of [Wx, Wh, b]) p.zeroGrad();
  }, args);
  // The same cell in TF.js ops: one [batch, 4H] pre-activation cut into f, i, g, o.
  const txs = xs.map((x) => toTf(x));
  const tWx = toTf(Wx);
  const tWh = toTf(Wh);
  const tb = toTf(b);
  const grads = tf.grads((wx: tf.Tensor, wh: tf.Tensor, bias: tf.Tensor) => {
    let h: tf.Tensor = tf.zeros([batch, hidden]);
    let c: tf.Tensor = tf.zeros([batch, hidden]);
    for (const x of txs) {
      const z = tf.add(tf.add(tf.matMul(x, wx), tf.matMul(h, wh)), bias);
      const [f, i, g, o] = tf.split(z, 4, 1);
      c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
      h = tf.mul(tf.sigmoid(o), tf.tanh(c));
    }
    return tf.sum(h);
  });
  const tfMs = measure(() => { tf.tidy(() => { for (const g of grads([tWx, tWh, tb])) g.dataSync(); }); }, args);
  tf.dispose([...txs, tWx, tWh, tb]);
  return { name: `LSTM in ${input} hidden ${hidden}, ${steps} steps, batch ${batch}, fwd+bwd`, engineMs, tfMs };
}

const MHA = { batch: 2, seq: 32, dModel: 64, heads: 4 };

function benchAttention(args: TBenchArgs): Row {
  const { batch, seq, dModel, heads } = MHA;
  const x = data([batch, seq, dModel]);
  const weights = { Wq: param([dModel, dModel]), Wk: param([dModel, dModel]), Wv: param([dModel, dModel]), Wo: param([dModel, dModel]) };
  const engineMs = measure(() => {
    multiHeadAttention(x, x, weights, { heads }).output.sum().backward();
    for (const p of Object.values(weights)) p.zeroGrad();
  }, args);
  const tx = toTf(x);
  const tws = [weights.Wq, weights.Wk, weights.Wv, weights.Wo].map((w) => toTf(w));
  const dHead = dModel / heads;
  const split = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [batch, seq, heads, dHead]), [0, 2, 1, 3]);
  const grads = tf.grads((wq: tf.Tensor, wk: tf.Tensor, wv: tf.Tensor, wo: tf.Tensor) => {
    const project = (w: tf.Tensor) => split(tf.reshape(tf.matMul(tf.reshape(tx, [batch * seq, dModel]), w), [batch, seq, dModel]));
    const [q, k, v] = [project(wq), project(wk), project(wv)];
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dHead));
    const attended = tf.matMul(tf.softmax(scores), v);
    const merged = tf.reshape(tf.transpose(attended, [0, 2, 1, 3]), [batch * seq, dModel]);
    return tf.sum(tf.matMul(merged, wo));
  });
  const tfMs = measure(() => { tf.tidy(() => { for (const g of grads(tws as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor])) g.dataSync(); }); }, args);
  tf.dispose([tx, ...tws]);
  return { name: `multi-head attention ${heads} heads, seq ${seq}, d_model ${dModel}, batch ${batch}, fwd+bwd`, engineMs, tfMs };
}

// ---------------------------------------------------------------------------------------------
// Part "kernels": WebAssembly and TS kernels vs tfjs-wasm.

interface KernelRow {
  name: string;
  flops: number;
  wasmMs: number;
  tsMs: number;
  tfMs: number;
  /** Median over rounds of engine (wasm) time / TF.js time within the round. */
  ratio: number;
  /** Which TF.js backend the tf column is. */
  tfBackend: 'wasm' | 'cpu';
  /** Target for engine (wasm) time / tf time. */
  target: number | null;
}

/**
 * Engine on the wasm kernels, engine on the TS kernels and TF.js, samples interleaved. Checks
 * that the wasm side really ran on the wasm kernels (no silent fallback to TS for some shape).
 */
function measureThree(engine: () => void, tfFn: () => void, args: TBenchArgs): { wasmMs: number; tsMs: number; tfMs: number; ratio: number } {
  setKernelBackend('wasm');
  if (kernelBackend() !== 'wasm') throw new Error('the WebAssembly kernels did not load');
  const before = kernelReport().wasmCalls;
  engine();
  if (kernelReport().wasmCalls === before) throw new Error('the engine side of this row did not run on the WebAssembly kernels');
  const onWasm = () => { setKernelBackend('wasm'); engine(); };
  const onTs = () => { setKernelBackend('ts'); engine(); };
  try {
    const { ms: [wasmMs, tsMs, tfMs], ratioToFirst } = measureInterleaved([onWasm, onTs, tfFn], args);
    return { wasmMs, tsMs, tfMs, ratio: ratioToFirst[2] };
  } finally {
    setKernelBackend(null);
  }
}

const f32Data = (size: number) => {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = random.normal();
  return out;
};

/**
 * C = op(A)·op(B) through the engine's GEMM entry points, allocating C as an op does.
 * `freshB`: B is a new tensor on every call, as after each optimiser step in training. TF.js's
 * XNNPACK path keeps an operator with B already packed for as long as the same B tensor comes
 * back (keyed by tensor id), so the plain rows give TF.js inference-style weight reuse; the
 * engine packs B on every call either way.
 */
function gemmRow(name: string, layout: 'NN' | 'NT' | 'TN', M: number, K: number, N: number, args: TBenchArgs, { freshB = false, target = 1 as number | null } = {}): KernelRow {
  const a = f32Data(M * K);
  const b = f32Data(K * N);
  const kernel = layout === 'NN' ? gemmNN : layout === 'NT' ? gemmNT : gemmTN;
  // TF.js gets the same stored layouts and does the transposes its own way (transposeA/B flags).
  const ta = layout === 'TN' ? tf.tensor(a, [K, M]) : tf.tensor(a, [M, K]);
  const tb = layout === 'NT' ? tf.tensor(b, [N, K]) : tf.tensor(b, [K, N]);
  const { wasmMs, tsMs, tfMs, ratio } = measureThree(
    () => { kernel(a, 0, b, 0, new Float32Array(M * N), 0, M, K, N); },
    () => { tf.tidy(() => { tf.matMul(ta, freshB ? tf.add(tb, 0) : tb, layout === 'TN', layout === 'NT').dataSync(); }); },
    args,
  );
  tf.dispose([ta, tb]);
  return { name, flops: 2 * M * K * N, wasmMs, tsMs, tfMs, ratio, tfBackend: 'wasm', target };
}

const CONV = { x: [8, 1, 28, 28], w: [16, 1, 5, 5] };
const convFlops = () => {
  const [N, C, H, W] = CONV.x;
  const [O, , kh, kw] = CONV.w;
  return 2 * N * O * (H - kh + 1) * (W - kw + 1) * C * kh * kw;
};

function convForwardRow(args: TBenchArgs): KernelRow {
  const x = randn(CONV.x, random, f32);
  const w = randn(CONV.w, random, f32);
  const [N, C, H, W] = CONV.x;
  const [O, , kh, kw] = CONV.w;
  // TF.js's native layouts (NHWC, [kh, kw, in, out]); with C = 1 the values are the same.
  const tx = tf.tensor(x.data, [N, H, W, C], 'float32');
  const tw = tf.tensor(w.data, [kh, kw, C, O], 'float32');
  const { wasmMs, tsMs, tfMs, ratio } = measureThree(
    () => { noGrad(() => conv2d(x, w)); },
    () => { tf.tidy(() => { tf.conv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, 1, 'valid').dataSync(); }); },
    args,
  );
  tf.dispose([tx, tw]);
  return { name: `conv2d forward x[${CONV.x}] w[${CONV.w}]`, flops: convFlops(), wasmMs, tsMs, tfMs, ratio, tfBackend: 'wasm', target: 1 };
}

/** Forward + both backward passes (dx and dW: three convolutions' worth of FLOPs); TF.js on cpu. */
function convTrainRow(args: TBenchArgs): KernelRow {
  const x = randn(CONV.x, random, { ...f32, requiresGrad: true });
  const w = param(CONV.w);
  const [N, C, H, W] = CONV.x;
  const [O, , kh, kw] = CONV.w;
  const tx = tf.tensor(x.data, [N, H, W, C], 'float32');
  const tw = tf.tensor(w.data, [kh, kw, C, O], 'float32');
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid')));
  const { wasmMs, tsMs, tfMs, ratio } = measureThree(
    () => {
      conv2d(x, w).sum().backward();
      x.zeroGrad();
      w.zeroGrad();
    },
    () => { tf.tidy(() => { for (const g of grads([tx, tw])) g.dataSync(); }); },
    args,
  );
  tf.dispose([tx, tw]);
  return { name: `conv2d forward + backward (dx, dW) x[${CONV.x}] w[${CONV.w}]`, flops: 3 * convFlops(), wasmMs, tsMs, tfMs, ratio, tfBackend: 'cpu', target: null };
}

interface TfWasmInfo { simd: boolean; threads: boolean }

async function useTfWasm(): Promise<TfWasmInfo> {
  const wasmDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  setWasmPaths(`${wasmDir}${path.sep}`);
  if (!(await tf.setBackend('wasm'))) throw new Error('could not start the tfjs wasm backend');
  await tf.ready();
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  if (!simd) throw new Error('tfjs-backend-wasm runs without SIMD here: the comparison would flatter the engine');
  return { simd, threads };
}

/** One core's f32x4 multiply+add peak (a register-only wasm loop), best of several runs. */
function measurePeak(): number {
  const kernels = loadWasmKernels();
  if (!kernels) throw new Error('the WebAssembly kernels did not load');
  let best = 0;
  for (let i = 0; i < 9; i++) {
    const iterations = 2_000_000;
    const start = cpuMs();
    kernels.runPeakLoop(iterations);
    best = Math.max(best, (iterations * PEAK_FLOPS_PER_ITERATION) / ((cpuMs() - start) / 1000));
  }
  return best;
}

async function runKernels(args: TBenchArgs): Promise<{ rows: KernelRow[]; tfWasm: TfWasmInfo; peak: number }> {
  const peakBefore = measurePeak();
  const tfWasm = await useTfWasm();
  const rows: KernelRow[] = [];
  const add = (row: KernelRow) => {
    rows.push(row);
    console.log(`${row.name.padEnd(70)} wasm ${gf(row.flops, row.wasmMs).padStart(6)}  ts ${gf(row.flops, row.tsMs).padStart(6)}  tfjs-${row.tfBackend} ${gf(row.flops, row.tfMs).padStart(6)} GFLOP/s  ratio ${formatRatio(row.ratio)}  ${verdict(row)}`);
  };
  for (const n of [128, 256, 512]) add(gemmRow(`matmul ${n}×${n}·${n}×${n}`, 'NN', n, n, n, args));
  add(gemmRow('dense 784→128, batch 64: X·W [64,784]·[784,128]', 'NN', 64, 784, 128, args));
  add(gemmRow('dense 784→128, batch 64: G·Wᵀ [64,128]·[784,128]ᵀ', 'NT', 64, 128, 784, args));
  add(gemmRow('dense 784→128, batch 64: Xᵀ·G [64,784]ᵀ·[64,128]', 'TN', 784, 64, 128, args));
  add(gemmRow('dense X·W, W a new tensor each call (as after an optimiser step)', 'NN', 64, 784, 128, args, { freshB: true, target: null }));
  add(convForwardRow(args));
  await tf.setBackend('cpu');
  await tf.ready();
  add(convTrainRow(args));
  // Peak before and after the rows, the better of the two: on a shared machine the load moves.
  const peak = Math.max(peakBefore, measurePeak());
  console.log(`peak (one core, f32x4 mul+add from wasm): ${(peak / 1e9).toFixed(1)} GFLOP/s`);
  return { rows, tfWasm, peak };
}

/** GFLOP/s with enough digits that a slow side (tfjs-cpu's conv2d backward) does not print as 0.0. */
const gf = (flops: number, ms: number) => {
  const value = flops / (ms * 1e6);
  return value >= 1 ? value.toFixed(1) : value.toPrecision(2);
};
const formatRatio = (ratio: number) => (ratio >= 0.01 ? ratio.toFixed(2) : ratio.toPrecision(2));
const isPass = (row: KernelRow) => row.target !== null && row.ratio <= row.target;
const verdict = (row: KernelRow) => (row.target === null ? '(no target)' : `${isPass(row) ? 'PASS' : 'FAIL'} (target ≤ ${row.target})`);

function renderKernels({ rows, tfWasm, peak }: Awaited<ReturnType<typeof runKernels>>, args: TBenchArgs): string {
  return [
    '### Kernels: engine (WebAssembly SIMD / TypeScript) vs TensorFlow.js WASM',
    '',
    `tfjs-backend-wasm ${tf.version.tfjs}: SIMD ${tfWasm.simd ? 'on' : 'OFF'}, threads ${tfWasm.threads ? 'on' : 'off'} (one thread, like the engine); warmed up. Engine wasm = engine/kernels/kernels.wasm (packed, cache-blocked 4×8 f32x4 GEMM); engine ts = the TypeScript reference kernels (ENGINE_KERNELS=ts). float32. GEMM rows include allocating the result and copying operands into wasm memory; TF.js rows include dataSync(). Times are CPU time of this process (not wall time, which counts the moments other processes had the core); the three sides' samples are interleaved (wasm, ts, TF.js, wasm, …) over ${args.rounds} rounds; GFLOP/s from the median time; ratio = the median over rounds of engine (wasm) time / TF.js time in the same round. Targets: ≤ 1 on the matmuls and the conv2d forward (the issue asks ≤ 1.5 there; the lead asked for ≤ 1).`,
    '',
    '| kernel | engine wasm GFLOP/s | engine ts GFLOP/s | TF.js GFLOP/s | TF.js backend | ratio (wasm / TF.js) | target | % of peak (wasm) |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${gf(r.flops, r.wasmMs)} | ${gf(r.flops, r.tsMs)} | ${gf(r.flops, r.tfMs)} | ${r.tfBackend} | ${formatRatio(r.ratio)} | ${r.target === null ? '—' : `≤ ${r.target} ${isPass(r) ? 'PASS' : 'FAIL'}`} | ${((100 * r.flops) / (r.wasmMs * 1e6) / (peak / 1e9)).toFixed(0)} % |`),
    '',
    `**Peak**: one core retires ${(peak / 1e9).toFixed(1)} GFLOP/s of f32x4 multiply + add from WebAssembly (engine/kernels/assembly/peak.ts: 12 independent accumulators, no memory traffic; CPU time, best of 9 runs before and of 9 after the rows). The last column is each kernel's share of it: what remains is packing and copying operands into wasm memory (O(n²) against the O(n³) product, heavy for the thin dense shapes), loading C once per k-block, and edge tiles (M or N not a multiple of 4×8). Without relaxed SIMD (no fused multiply-add in Node 20 by default) a multiply and an add are two instructions, which the peak loop pays too.`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Part "playground": the playground's models, and the spirals race against tfjs-wasm.

interface PlaygroundRow { model: string; float64Ts: number; float32Ts: number; float32Wasm: number; speedup: number }

/** Epochs per second of one playground default configuration, `epochs` epochs per sample. */
function playgroundThroughput(model: 'mlp' | 'cnn' | 'lstm', epochs: number, samples: number): PlaygroundRow {
  // trainModel trains in float32; the learner and loop are called directly here to choose.
  const run = (dtype: 'float64' | 'float32', backend: 'ts' | 'wasm') => {
    setKernelBackend(backend);
    try {
      const config = { ...DEFAULT_CONFIGS[model], epochs };
      const start = cpuMs();
      withDefaultDtype(dtype, () => runGradientTraining(config, createLearner(config), {}));
      return epochs / ((cpuMs() - start) / 1000);
    } finally {
      setKernelBackend(null);
    }
  };
  run('float32', 'wasm'); // warm-up
  const results = { f64: [] as number[], ts: [] as number[], wasm: [] as number[] };
  for (let i = 0; i < samples; i++) {
    results.wasm.push(run('float32', 'wasm'));
    results.ts.push(run('float32', 'ts'));
    results.f64.push(run('float64', 'ts'));
  }
  const speedup = median(results.wasm.map((wasm, i) => wasm / results.ts[i])); // per round, as the kernel ratios
  return { model, float64Ts: median(results.f64), float32Ts: median(results.ts), float32Wasm: median(results.wasm), speedup };
}

function raceEngineFloat32(seed: number, maxEpochs: number): RaceResult {
  setKernelBackend('wasm');
  try {
    return withDefaultDtype('float32', () => raceEngine(raceConfig(seed), maxEpochs));
  } finally {
    setKernelBackend(null);
  }
}

async function runPlayground(args: TBenchArgs): Promise<string> {
  // Each sample ≥ ~0.1 s of CPU on a quiet machine (an MLP epoch is a few ms).
  const epochs = { mlp: 40, cnn: 3, lstm: 1 } as const;
  const rows = (['mlp', 'cnn', 'lstm'] as const).map((model) => {
    const row = playgroundThroughput(model, epochs[model], Math.max(5, args.samples));
    console.log(`playground ${model}: wasm ${row.float32Wasm.toFixed(2)}  ts ${row.float32Ts.toFixed(2)}  float64 ${row.float64Ts.toFixed(2)} epochs/s  wasm/ts ${row.speedup.toFixed(2)}×`);
    return row;
  });
  await useTfWasm();
  const maxEpochs = 400;
  raceEngineFloat32(1000, 20);
  raceTf(raceConfig(1000), 20);
  const engine: RaceResult[] = [];
  const tfjs: RaceResult[] = [];
  for (let seed = 1; seed <= args.seeds; seed++) {
    // Alternate who goes first so neither always meets a warmer (or busier) machine.
    if (seed % 2 === 1) {
      engine.push(raceEngineFloat32(seed, maxEpochs));
      tfjs.push(raceTf(raceConfig(seed), maxEpochs));
    } else {
      tfjs.push(raceTf(raceConfig(seed), maxEpochs));
      engine.push(raceEngineFloat32(seed, maxEpochs));
    }
    console.log(`spirals seed ${seed}: engine ${engine.at(-1)?.epochs ?? '—'} epochs ${engine.at(-1)?.ms?.toFixed(0) ?? '—'} ms; tfjs-wasm ${tfjs.at(-1)?.epochs ?? '—'} epochs ${tfjs.at(-1)?.ms?.toFixed(0) ?? '—'} ms`);
  }
  await tf.setBackend('cpu');
  const summary = (results: RaceResult[]) => {
    const reached = results.filter((r) => r.ms !== null);
    return {
      reached: `${reached.length}/${results.length}`,
      epochs: reached.length > 0 ? median(reached.map((r) => r.epochs ?? 0)).toFixed(0) : '—',
      ms: reached.length > 0 ? median(reached.map((r) => r.ms ?? 0)).toFixed(0) : '—',
      perEpoch: median(results.map((r) => r.msPerEpoch)).toFixed(2),
    };
  };
  const e = summary(engine);
  const t = summary(tfjs);
  const name = { mlp: 'MLP 2-16-16-1 on spirals (400 points)', cnn: 'CNN 4 filters 3×3 on digits (600 images)', lstm: 'LSTM hidden 16 on first-symbol (1200 sequences of 30)' };
  return [
    '### Playground: epochs per second (default configurations, the playground\'s learner and loop in this thread; CPU time, samples interleaved, medians)',
    '',
    '| model | float32, WebAssembly kernels (the playground now) | float32, TS kernels | wasm / ts (median of per-round ratios) | float64, TS kernels (the playground before) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${name[r.model as keyof typeof name]} | ${r.float32Wasm.toFixed(2)} | ${r.float32Ts.toFixed(2)} | ${r.speedup.toFixed(2)}× | ${r.float64Ts.toFixed(2)} |`),
    '',
    `**Spirals to ≥ ${TARGET_ACC * 100} % validation accuracy**, engine (float32, WebAssembly kernels, the playground's loop) vs TF.js WASM backend, same data, split, initial weights and batches (bench/support/spirals-race.ts; wall-clock time as the training loop records it, the two sides alternating who goes first); seeds 1–${args.seeds}, medians:`,
    '',
    '| implementation | runs reaching 95 % | epochs to 95 % | time to 95 % (ms) | ms per epoch |',
    '| --- | --- | --- | --- | --- |',
    `| engine (float32, wasm kernels) | ${e.reached} | ${e.epochs} | ${e.ms} | ${e.perEpoch} |`,
    `| TensorFlow.js ${tf.version.tfjs} wasm backend (SIMD) | ${t.reached} | ${t.epochs} | ${t.ms} | ${t.perEpoch} |`,
  ].join('\n');
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const gflops = (flops: number | undefined, ms: number) => (flops ? ((flops / (ms * 1e6)).toFixed(2)) : '');

function renderLayers(rows: readonly Row[], args: TBenchArgs): string {
  const lines = [
    '### Layers and training steps vs TensorFlow.js CPU',
    '',
    `Engine in float32 on its default kernels (${kernelBackend()}); tfjs ${tf.version.tfjs} cpu backend; CPU time, median of ${args.samples} samples after warm-up. Ratio = engine / tfjs (≤ 0.5 is the target).`,
    '',
    '| benchmark | engine ms | tfjs-cpu ms | ratio | engine GFLOP/s | tfjs GFLOP/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${fmt(r.engineMs)} | ${fmt(r.tfMs)} | ${(r.engineMs / r.tfMs).toFixed(2)} | ${gflops(r.flops, r.engineMs)} | ${gflops(r.flops, r.tfMs)} |`),
    '',
    `LSTM and attention rows use the layers' lstmCell and multiHeadAttention; the TF.js side composes the same math from tf ops (one [batch, 4H] pre-activation split into f, i, g, o; softmax(QKᵀ/√d)V per head).`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(ZBenchArgs.strict(), process.argv.slice(2));
  const loadAtStart = os.loadavg()[0];
  const cpu = `${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} threads)`;
  console.log(`CPU: ${cpu}, load ${loadAtStart.toFixed(2)}`);
  const parts: string[] = [];
  const started = performance.now();
  let kernelRows: KernelRow[] = [];
  if (args.part === 'kernels' || args.part === 'all') {
    const kernels = await runKernels(args);
    kernelRows = kernels.rows;
    parts.push(renderKernels(kernels, args));
  }
  if (args.part === 'playground' || args.part === 'all') parts.push(await runPlayground(args));
  if (args.part === 'layers' || args.part === 'all') {
    await tf.setBackend('cpu');
    await tf.ready();
    const rows: Row[] = [];
    const run = (row: () => Row) => {
      const r = row();
      rows.push(r);
      console.log(`${r.name.padEnd(78)} engine ${fmt(r.engineMs).padStart(8)} ms   tfjs ${fmt(r.tfMs).padStart(8)} ms   ratio ${(r.engineMs / r.tfMs).toFixed(2)}${r.flops ? `   ${gflops(r.flops, r.engineMs)} vs ${gflops(r.flops, r.tfMs)} GFLOP/s` : ''}`);
    };
    for (const n of [64, 128, 256, 512]) run(() => benchMatmul(n, args));
    run(() => benchConv(args));
    run(() => benchSmallMlp(args));
    run(() => benchMnistMlp(args));
    run(() => benchLstm(args));
    run(() => benchAttention(args));
    parts.push(renderLayers(rows, args));
  }
  const section = [
    '## Engine vs TensorFlow.js',
    '',
    `Date: ${new Date().toISOString().slice(0, 16)} UTC · CPU: ${cpu} · Node ${process.version} · 1-min load average at start ${loadAtStart.toFixed(2)}${loadAtStart > os.cpus().length ? ` — **measured under load** (more runnable processes than the ${os.cpus().length} threads): times are CPU time and kernel ratios are per-round, which hides most of it, but caches shared with the neighbours still lower the absolute GFLOP/s` : ''} · both sides of every ratio run in the same process · ${((performance.now() - started) / 1000).toFixed(0)} s · \`npm run bench:engine -- --part ${args.part}\`.`,
    '',
    ...parts.flatMap((part) => [part, '']),
  ].join('\n').trimEnd();
  if (args.write) console.log(`wrote ${await writeResultsSection('engine', section)}`);
  else console.log(`\n${section}`);
  const targeted = kernelRows.filter((row) => row.target !== null);
  if (targeted.length > 0) {
    console.log(`\nTargets (engine wasm time / TF.js wasm time, median of per-round ratios; ${((performance.now() - started) / 1000).toFixed(0)} s in all):`);
    for (const row of targeted) console.log(`  ${isPass(row) ? 'PASS' : 'FAIL'}  ${row.name}: ${row.ratio.toFixed(2)} (target ≤ ${row.target})`);
    const failed = targeted.filter((row) => !isPass(row)).length;
    console.log(failed === 0 ? `ALL ${targeted.length} KERNEL TARGETS PASS` : `${failed} OF ${targeted.length} KERNEL TARGETS FAIL`);
  }
}

await main();
