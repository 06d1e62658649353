import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tensor } from './creation';

describe('graph release after backward', () => {
  it('drops parents and closures of every node once backward() has run', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const hidden = a.mul(3).tanh();
    const loss = hidden.sum();
    loss.backward();
    expect(loss._parents).toBeNull();
    expect(hidden._parents).toBeNull();
    expect(hidden._backward).toBeNull();
    expect(a.grad).not.toBeNull();
  });

  const probeRun = (args: string[]) => {
    const probe = fileURLToPath(new URL('./testing/memory-probe.ts', import.meta.url));
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe, ...args], { encoding: 'utf8', timeout: 120_000 });
    return JSON.parse(output) as { heapAt1000: number; heapAt10000: number; wasmAt1000: number; wasmAt10000: number };
  };
  const heapGrowth = (args: string[]): number => {
    const { heapAt1000, heapAt10000 } = probeRun(args);
    return heapAt10000 - heapAt1000;
  };
  const threshold = 3 * 1024 * 1024;

  it('keeps the heap flat over 10,000 training steps that keep every 10th loss (full GC, child process)', () => {
    expect(heapGrowth([])).toBeLessThan(threshold);
  });

  it('keeps the heap and the wasm memory flat over 10,000 float32 CNN steps on the WebAssembly kernels', () => {
    const run = probeRun(['--float32']);
    expect(run.wasmAt1000).toBeGreaterThan(0); // the kernels were used
    expect(run.wasmAt10000).toBe(run.wasmAt1000);
    expect(run.heapAt10000 - run.heapAt1000).toBeLessThan(threshold);
  });

  it('the probe does see a leak when the graph is retained (control for the test above)', () => {
    expect(heapGrowth(['--retain-graph'])).toBeGreaterThan(threshold);
  });
});
