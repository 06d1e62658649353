import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { createTrainingPool } from '@/lib/training/runtime/training-pool';
import { trainModel } from '@/engine/playground/train-model';
import type { EpochMetric } from '@/engine/playground/types';

// Real worker threads (piscina), as the server runs them.
const pool = createTrainingPool({ threads: 1 });
afterAll(() => pool.close());

async function trainInWorker(config: Parameters<typeof pool.run>[0]['config'], wallMs = 60_000) {
  const streamed: EpochMetric[] = [];
  const task = pool.run({ config, wallMs, onEpoch: ({ metric }) => streamed.push(metric) });
  const result = await task.result;
  if (!result.ok) throw new Error(result.error);
  return { outcome: result.outcome, streamed, kernels: result.kernels };
}

/** The curve without the wall-clock column, as exact numbers. */
const curve = (metrics: EpochMetric[]) => metrics.map(({ epoch, loss, valLoss, acc, valAcc }) => [epoch, loss, valLoss, acc, valAcc]);

describe('training in a worker thread', () => {
  it('gives the same curve bit for bit when the same configuration and seed train twice', async () => {
    const config = { ...DEFAULT_CONFIGS.mlp, epochs: 25, dropout: 0.1 };
    const first = await trainInWorker(config);
    const second = await trainInWorker(config);
    expect(first.outcome.metrics).toHaveLength(25);
    expect(curve(second.outcome.metrics)).toStrictEqual(curve(first.outcome.metrics));
    expect(second.outcome.snapshot).toStrictEqual(first.outcome.snapshot);
    // …and the same as the main thread computes: no thread-dependent state.
    expect(curve(trainModel(config).metrics)).toStrictEqual(curve(first.outcome.metrics));
  });

  it('trains a CNN on the WebAssembly SIMD kernels inside the worker thread, not on the TypeScript fallback', async () => {
    const config = { ...DEFAULT_CONFIGS.cnn, samples: 128, batchSize: 32, epochs: 1 };
    const before = await trainInWorker({ ...DEFAULT_CONFIGS.perceptron, epochs: 1 }); // no float32 ops: a baseline count for this thread
    const { kernels } = await trainInWorker(config);
    expect(kernels.loadError).toBeNull();
    expect(kernels.backend).toBe('wasm');
    // Every training batch runs at least conv2d forward and conv2d backward on the wasm kernels.
    const batches = Math.ceil((config.samples * (1 - config.valSplit)) / config.batchSize);
    expect(kernels.wasmCalls - before.kernels.wasmCalls).toBeGreaterThanOrEqual(2 * batches);
  });

  it('gives a different curve for a different seed', async () => {
    const base = { ...DEFAULT_CONFIGS.mlp, epochs: 5 };
    const a = await trainInWorker(base);
    const b = await trainInWorker({ ...base, seed: 2 });
    expect(curve(b.outcome.metrics)).not.toStrictEqual(curve(a.outcome.metrics));
  });

  it('streams every epoch as it finishes, in order', async () => {
    const { outcome, streamed } = await trainInWorker({ ...DEFAULT_CONFIGS.perceptron, task: 'xor', epochs: 40 });
    expect(streamed.map((m) => m.epoch)).toStrictEqual(outcome.metrics.map((m) => m.epoch));
    expect(streamed).toHaveLength(40);
  });

  it('stops after the current batch when asked, keeping the complete epochs', async () => {
    const streamed: EpochMetric[] = [];
    const task = pool.run({
      config: { ...DEFAULT_CONFIGS.mlp, epochs: 500 },
      wallMs: 60_000,
      onEpoch: ({ metric }) => {
        streamed.push(metric);
        if (metric.epoch === 3) task.stop();
      },
    });
    const result = await task.result;
    expect(result.ok && result.outcome.stopReason).toBe('user');
    const epochs = result.ok ? result.outcome.metrics.length : 0;
    expect(epochs).toBeGreaterThanOrEqual(3);
    expect(epochs).toBeLessThan(500);
  });

  it('ends a run at the wall-time limit with the reason "time"', async () => {
    const { outcome } = await trainInWorker({ ...DEFAULT_CONFIGS.mlp, epochs: 500 }, 300);
    expect(outcome.stopReason).toBe('time');
    expect(outcome.metrics.length).toBeLessThan(500);
    expect(outcome.trainMs).toBeGreaterThanOrEqual(300);
  });

  it('reports a run that diverges as a clear failure, not a crash', async () => {
    const task = pool.run({ config: { ...DEFAULT_CONFIGS['delta-rule'], lr: 5, epochs: 500 }, wallMs: 60_000, onEpoch: () => {} });
    const result = await task.result;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/learning rate/);
  });

  it('ends a run that outgrows the worker memory limit with a clear message, and the pool keeps working', async () => {
    const small = createTrainingPool({ threads: 1, memoryMb: 16 });
    try {
      // An LSTM unrolled over 40 steps for a batch of 512 keeps tens of MB of activations for backward.
      const task = small.run({ config: { ...DEFAULT_CONFIGS.lstm, samples: 2000, seqLength: 40, hiddenSize: 64, batchSize: 512, epochs: 1 }, wallMs: 60_000, onEpoch: () => {} });
      const result = await task.result;
      expect(result).toEqual({ ok: false, error: 'The run used more than the 16 MB a training worker may use. Try a smaller model, batch or data set.' });
    } finally {
      await small.close();
    }
    const { outcome } = await trainInWorker({ ...DEFAULT_CONFIGS.perceptron, epochs: 2 });
    expect(outcome.metrics.length).toBeGreaterThan(0);
  });
});
