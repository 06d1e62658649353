/**
 * Engine vs TensorFlow.js (CPU backend), side by side in one process: warm-up, then the median
 * of several timed samples per row. Writes the table into bench/RESULTS.md between
 * <!-- engine:start --> and <!-- engine:end --> (the rest of the file is left alone).
 *
 *   npm run bench:engine                 # full run, updates RESULTS.md
 *   npm run bench:engine -- --samples 5 --no-write
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import {
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
import { writeResultsSection } from './support/results-file';
import { parseBenchArgs } from './support/cli';

const ZBenchArgs = z.object({
  samples: z.coerce.number().int().min(1).max(50).default(7),
  /** Minimum time per sample; fast rows repeat their body until they reach it. */
  minSampleMs: z.coerce.number().min(1).max(5000).default(40),
  write: z.boolean().default(true),
});
type TBenchArgs = z.infer<typeof ZBenchArgs>;

/** Median ms per call: warm up, then time `samples` batches of `inner` calls each. */
function measure(fn: () => void, args: TBenchArgs): number {
  for (let i = 0; i < 3; i++) fn();
  let inner = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < inner; i++) fn();
    const elapsed = performance.now() - start;
    if (elapsed >= args.minSampleMs || inner >= 1 << 20) break;
    inner *= Math.max(2, Math.min(10, Math.ceil(args.minSampleMs / Math.max(elapsed, 0.01))));
  }
  const times: number[] = [];
  for (let s = 0; s < args.samples; s++) {
    const start = performance.now();
    for (let i = 0; i < inner; i++) fn();
    times.push((performance.now() - start) / inner);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
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
  const tfMs = measure(() => { tf.tidy(() => tf.matMul(ta, tb).dataSync()); }, args);
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

async function wasmMatmulGflops(sizes: readonly number[], args: TBenchArgs): Promise<Array<{ n: number; gflops: number }>> {
  const wasmDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  setWasmPaths(`${wasmDir}${path.sep}`);
  if (!(await tf.setBackend('wasm'))) throw new Error('could not start the tfjs wasm backend');
  await tf.ready();
  const results = sizes.map((n) => {
    const a = tf.randomNormal([n, n]);
    const b = tf.randomNormal([n, n]);
    const ms = measure(() => { tf.tidy(() => tf.matMul(a, b).dataSync()); }, args);
    tf.dispose([a, b]);
    return { n, gflops: (2 * n * n * n) / (ms * 1e6) };
  });
  await tf.setBackend('cpu');
  return results;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const gflops = (flops: number | undefined, ms: number) => (flops ? ((flops / (ms * 1e6)).toFixed(2)) : '');

function renderSection(rows: readonly Row[], wasm: ReadonlyArray<{ n: number; gflops: number }>, args: TBenchArgs, loadAtStart: number): string {
  const lines = [
    '## Engine vs TensorFlow.js',
    '',
    `Date: ${new Date().toISOString().slice(0, 10)} · CPU: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} threads) · Node ${process.version} · tfjs ${tf.version.tfjs} (cpu backend) · 1-min load average at start ${loadAtStart.toFixed(2)} (both sides share any contention, so compare ratios) · median of ${args.samples} samples after warm-up. Engine runs in float32. Ratio = engine / tfjs (≤ 0.5 is the target).`,
    '',
    '| benchmark | engine ms | tfjs-cpu ms | ratio | engine GFLOP/s | tfjs GFLOP/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${fmt(r.engineMs)} | ${fmt(r.tfMs)} | ${(r.engineMs / r.tfMs).toFixed(2)} | ${gflops(r.flops, r.engineMs)} | ${gflops(r.flops, r.tfMs)} |`),
    '',
    `Reference, not a target: tfjs-backend-wasm matmul (forward, float32) ${wasm.map((w) => `${w.n}: ${w.gflops.toFixed(2)} GFLOP/s`).join(', ')}.`,
    '',
    `LSTM and attention rows use the layers' lstmCell and multiHeadAttention; the TF.js side composes the same math from tf ops (one [batch, 4H] pre-activation split into f, i, g, o; softmax(QKᵀ/√d)V per head).`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(ZBenchArgs.strict(), process.argv.slice(2));
  const loadAtStart = os.loadavg()[0];
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
  const wasm = await wasmMatmulGflops([64, 128, 256, 512], args);
  console.log(`tfjs-wasm matmul: ${wasm.map((w) => `${w.n}: ${w.gflops.toFixed(2)} GFLOP/s`).join(', ')}`);
  const section = renderSection(rows, wasm, args, loadAtStart);
  if (args.write) console.log(`wrote ${await writeResultsSection('engine', section)}`);
  else console.log(`\n${section}`);
}

await main();
