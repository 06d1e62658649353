import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { readStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { startRun } from '@/lib/training/runs/start-run';
import { stopRun } from '@/lib/training/runs/stop-run';
import { createTrainingRuntime } from '@/lib/training/runtime/training-runtime';
import type { RunProgress } from '@/engine/playground/types';
import { watchRun } from '@/lib/training/runs/watch-run';
import { createTestUser } from '../support/auth';

// The service layer with its own runtime in this process (one worker thread, a 2 s wall time, its
// own pg-boss queue so the test server's worker never takes these runs), against the test
// database: queue positions, the wall-time limit, stored progress.

const published: { userId: string; progress: RunProgress }[] = [];
const runtime = createTrainingRuntime({
  threads: 1,
  wallSeconds: 2,
  queueName: `training-test-${process.pid}`,
  publisher: { toUser: (userId, _event, payload) => published.push({ userId, progress: payload as RunProgress }), toChallenge: () => {} },
});
afterAll(() => runtime.close());

// Heavy enough that it cannot finish before the test stops it (or the wall time does).
const longMlp = { ...DEFAULT_CONFIGS.mlp, samples: 2000, hidden: [32, 32, 32], epochs: TRAINING_LIMITS.maxEpochs };
const tinyMlp = { ...DEFAULT_CONFIGS.mlp, task: 'xor' as const, samples: 100, hidden: [4], epochs: 3 };

function waitForProgress(runId: string, predicate: (p: RunProgress) => boolean, timeoutMs = 30_000): Promise<RunProgress> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = () => {
      const found = published.find((m) => m.progress.runId === runId && predicate(m.progress));
      if (found) return resolve(found.progress);
      if (Date.now() > deadline) return reject(new Error(`no matching progress for ${runId}`));
      setTimeout(poll, 25);
    };
    poll();
  });
}
const isFinal = (p: RunProgress) => ['COMPLETED', 'STOPPED', 'FAILED'].includes(p.status);

describe('the training runtime', () => {
  it('ends a run at the wall-time limit as STOPPED with the reason "time" and keeps its epochs', async () => {
    const user = await createTestUser();
    const { runId } = await startRun({ runtime, userId: user.id, config: longMlp });
    const end = await waitForProgress(runId, isFinal);
    expect(end.status).toBe('STOPPED');
    expect(end.stopReason).toBe('time');
    const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } });
    const { metrics } = readStoredMetrics(row.metrics);
    expect(row.error).toBe('time');
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.length).toBeLessThan(longMlp.epochs);
    expect(metrics.at(-1)?.ms).toBeLessThan(2_000 + 1_000);
  });

  it('gives waiting runs their places in line, tells them when they move up, and runs them in order', async () => {
    const [ann, ben, cat] = await Promise.all([createTestUser('Ann'), createTestUser('Ben'), createTestUser('Cat')]);
    const a = await startRun({ runtime, userId: ann.id, config: longMlp });
    // Ann's run is first in line until the worker takes it (at once: the pool's one thread is free).
    expect(a.position).toBeLessThanOrEqual(1);
    await waitForProgress(a.runId, (p) => p.status === 'RUNNING');
    const b = await startRun({ runtime, userId: ben.id, config: tinyMlp });
    const c = await startRun({ runtime, userId: cat.id, config: tinyMlp });
    expect([b.position, c.position]).toEqual([1, 2]);
    expect((await watchRun({ runtime, userId: cat.id, runId: c.runId })).position).toBe(2);
    await stopRun({ runtime, userId: ann.id, runId: a.runId });
    // Ben starts; Cat moves up to first place and hears it.
    await waitForProgress(b.runId, (p) => p.status === 'RUNNING');
    await waitForProgress(c.runId, (p) => p.status === 'QUEUED' && p.position === 1);
    await waitForProgress(c.runId, isFinal);
    const order = published.filter((m) => m.progress.status === 'RUNNING' && m.progress.metrics.length === 0).map((m) => m.progress.runId);
    expect(order.indexOf(b.runId)).toBeLessThan(order.indexOf(c.runId));
    expect(published.filter((m) => m.progress.runId === c.runId).every((m) => m.userId === cat.id)).toBe(true);
  });

  it("refuses a user's fourth waiting run and leaves no row behind", async () => {
    const user = await createTestUser();
    const blocker = await createTestUser();
    const running = await startRun({ runtime, userId: blocker.id, config: longMlp });
    const waiting = [];
    for (let i = 0; i < TRAINING_LIMITS.maxQueuedPerUser; i++) waiting.push(await startRun({ runtime, userId: user.id, config: tinyMlp }));
    await expect(startRun({ runtime, userId: user.id, config: tinyMlp })).rejects.toThrow(/already have 3 runs waiting/);
    expect(await getDb().trainingRun.count({ where: { userId: user.id } })).toBe(TRAINING_LIMITS.maxQueuedPerUser);
    for (const run of waiting) await stopRun({ runtime, userId: user.id, runId: run.runId });
    await stopRun({ runtime, userId: blocker.id, runId: running.runId });
    await waitForProgress(running.runId, isFinal);
  });

  it('stores the curve while training, so a reload shows progress before the run ends', async () => {
    const user = await createTestUser();
    const slow = createTrainingRuntime({ threads: 1, wallSeconds: 20, queueName: `training-test-slow-${process.pid}`, publisher: { toUser: () => {}, toChallenge: () => {} } });
    try {
      const { runId } = await startRun({ runtime: slow, userId: user.id, config: longMlp });
      let stored = 0;
      for (let i = 0; i < 40 && stored === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } });
        if (row.status === 'RUNNING') stored = readStoredMetrics(row.metrics).metrics.length;
      }
      expect(stored).toBeGreaterThan(0);
      const live = await watchRun({ runtime: slow, userId: user.id, runId });
      expect(live.status).toBe('RUNNING');
      expect(live.metrics.length).toBeGreaterThanOrEqual(stored);
      await stopRun({ runtime: slow, userId: user.id, runId });
      for (let i = 0; i < 100 && slow.worker?.active.has(runId); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await slow.close();
    }
  });

  it('loses no waiting run when the web process that queued it goes away: a worker started later trains it', async () => {
    const user = await createTestUser();
    const queueName = `training-test-restart-${process.pid}`;
    const received: RunProgress[] = [];
    const publisher = { toUser: (_userId: string, _event: string, payload: unknown) => received.push(payload as RunProgress), toChallenge: () => {} };
    // A web-only runtime queues the run and is gone before any worker takes it.
    const web = createTrainingRuntime({ hasWorker: false, queueName, publisher });
    const { runId } = await startRun({ runtime: web, userId: user.id, config: tinyMlp });
    await web.close();
    expect((await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe('QUEUED');
    // Another process (here: a new runtime with a worker on the same queue) picks the job up.
    const restarted = createTrainingRuntime({ threads: 1, queueName, publisher });
    try {
      for (let i = 0; i < 200 && !received.some((p) => p.runId === runId && isFinal(p)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } });
      expect(row.status).toBe('COMPLETED');
      expect(readStoredMetrics(row.metrics).metrics).toHaveLength(tinyMlp.epochs);
    } finally {
      await restarted.close();
    }
  });

  it('lets nobody stop or watch a run that is not theirs', async () => {
    const [owner, other] = await Promise.all([createTestUser(), createTestUser()]);
    const { runId } = await startRun({ runtime, userId: owner.id, config: tinyMlp });
    await expect(stopRun({ runtime, userId: other.id, runId })).rejects.toThrow(/not found/i);
    await expect(watchRun({ runtime, userId: other.id, runId })).rejects.toThrow(/not found/i);
    await waitForProgress(runId, isFinal);
  });
});
