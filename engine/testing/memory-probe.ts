/**
 * Child-process probe for the memory test (run with --expose-gc): trains a tiny MLP for
 * 10,000 steps and prints heapUsed + arrayBuffers after a full GC at step 1,000 and step 10,000 as JSON.
 * A graph that is not released after backward() grows by kilobytes per step, i.e. tens of MB here.
 * With --float32 the model is a small CNN in float32, so every step runs the WebAssembly kernels
 * (conv2d forward and backward, GEMM); the wasm memory is reported too (wasmAt1000/wasmAt10000).
 */
import { noGrad, Tensor } from '../tensor';
import { randn, tensor } from '../creation';
import { rng } from '../rng';
import { mseLoss } from '../functional/loss';
import { conv2d } from '../functional/conv';
import { float32Kernels } from '../kernels/backend';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');

const random = rng('memory probe');
const isFloat32 = process.argv.includes('--float32');
const dtype = isFloat32 ? 'float32' : 'float64';
let params: Tensor[];
let step: () => Tensor;
if (isFloat32) {
  const wc = randn([4, 1, 3, 3], random, { requiresGrad: true, std: 0.3, dtype });
  const w2 = randn([400, 1], random, { requiresGrad: true, std: 0.05, dtype });
  params = [wc, w2];
  const x = randn([8, 1, 12, 12], random, { dtype });
  const y = tensor({ data: Array.from({ length: 8 }, (_, i) => Math.sin(x.data[i])), shape: [8, 1] }, { dtype });
  step = () => mseLoss(conv2d(x, wc).relu().reshape([8, 400]).matmul(w2), y);
} else {
  const w1 = randn([2, 16], random, { requiresGrad: true, std: 0.5 });
  const b1 = randn([16], random, { requiresGrad: true, std: 0.1 });
  const w2 = randn([16, 1], random, { requiresGrad: true, std: 0.5 });
  params = [w1, b1, w2];
  const x = randn([64, 2], random);
  const y = tensor({ data: Array.from({ length: 64 }, (_, i) => Math.sin(x.data[2 * i])), shape: [64, 1] });
  step = () => mseLoss(x.matmul(w1).add(b1).tanh().matmul(w2), y);
}
const wasmAt: Record<number, number> = {};

const heapAt: Record<number, number> = {};
// Keeping losses for a plot is the everyday way a graph leaks: each kept loss must hold one
// number, not its whole forward graph.
const lossHistory: Tensor[] = [];
for (let stepIndex = 1; stepIndex <= 10_000; stepIndex++) {
  const loss = step();
  loss.backward(undefined, { retainGraph: process.argv.includes('--retain-graph') });
  if (stepIndex % 10 === 0) lossHistory.push(loss);
  noGrad(() => {
    for (const p of params) {
      const g = p.grad;
      if (g) for (let i = 0; i < p.size; i++) p.data[i] -= 0.05 * g.data[i];
      p.zeroGrad();
    }
  });
  if (stepIndex === 1_000 || stepIndex === 10_000) {
    collect();
    collect();
    // Typed-array backing stores live outside the JS heap: count them too.
    const usage = process.memoryUsage();
    heapAt[stepIndex] = usage.heapUsed + usage.arrayBuffers;
    wasmAt[stepIndex] = float32Kernels()?.memoryBytes ?? 0;
  }
}
process.stdout.write(JSON.stringify({ heapAt1000: heapAt[1000], heapAt10000: heapAt[10000], kept: lossHistory.length, wasmAt1000: wasmAt[1000], wasmAt10000: wasmAt[10000] }));
