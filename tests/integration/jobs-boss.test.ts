import { afterAll, describe, expect, it } from 'vitest';
import { ensureQueue, getBoss, JOB_QUEUES, stopBoss } from '@/lib/jobs/boss';

// The shared pg-boss on the test database: one started instance per process, its queues created,
// a job sent by one side is worked by the other, and a stop closes it so the next call starts anew.

afterAll(() => stopBoss());

describe('the job queue (pg-boss)', () => {
  it('starts once, creates every named queue and delivers a sent job to a worker', async () => {
    const [first, second] = await Promise.all([getBoss(), getBoss()]);
    expect(first).toBe(second);
    for (const name of Object.values(JOB_QUEUES)) expect(await first.getQueue(name)).toMatchObject({ name });

    const queue = `test-${Date.now()}`;
    await Promise.all([ensureQueue(queue), ensureQueue(queue)]);
    expect(await first.getQueue(queue)).toMatchObject({ name: queue });
    const received = new Promise<unknown>((resolve) => {
      void first.work<{ n: number }>(queue, { pollingIntervalSeconds: 0.5 }, async ([job]) => resolve(job.data));
    });
    const id = await first.send(queue, { n: 42 });
    expect(id).toEqual(expect.any(String));
    expect(await received).toEqual({ n: 42 });
  });

  it('stops cleanly and starts again on the next call', async () => {
    const before = await getBoss();
    await stopBoss();
    await stopBoss();
    const after = await getBoss();
    expect(after).not.toBe(before);
    expect(await after.getQueue(JOB_QUEUES.training)).toMatchObject({ name: JOB_QUEUES.training });
  });
});
