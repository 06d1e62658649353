/**
 * Child-process probe for the memory test (run with --expose-gc): trains a tiny MLP for
 * 10,000 steps and prints heapUsed + arrayBuffers after a full GC at step 1,000 and step 10,000 as JSON.
 * A graph that is not released after backward() grows by kilobytes per step, i.e. tens of MB here.
 */
import { noGrad, Tensor } from '../tensor';
import { randn, tensor } from '../creation';
import { rng } from '../rng';
import { mseLoss } from '../functional/loss';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');

const random = rng('memory probe');
const w1 = randn([2, 16], random, { requiresGrad: true, std: 0.5 });
const b1 = randn([16], random, { requiresGrad: true, std: 0.1 });
const w2 = randn([16, 1], random, { requiresGrad: true, std: 0.5 });
const params: Tensor[] = [w1, b1, w2];
const x = randn([64, 2], random);
const y = tensor({ data: Array.from({ length: 64 }, (_, i) => Math.sin(x.data[2 * i])), shape: [64, 1] });

const heapAt: Record<number, number> = {};
// Keeping losses for a plot is the everyday way a graph leaks: each kept loss must hold one
// number, not its whole forward graph.
const lossHistory: Tensor[] = [];
for (let stepIndex = 1; stepIndex <= 10_000; stepIndex++) {
  const loss = mseLoss(x.matmul(w1).add(b1).tanh().matmul(w2), y);
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
  }
}
process.stdout.write(JSON.stringify({ heapAt1000: heapAt[1000], heapAt10000: heapAt[10000], kept: lossHistory.length }));
