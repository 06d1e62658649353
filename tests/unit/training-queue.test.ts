import { describe, expect, it } from 'vitest';
import { TrainingQueue, type QueueJob } from '@/lib/training/runtime/training-queue';

/** A job that runs until finish() is called, recording its start and stop. */
function makeJob(id: string, owner: string, log: string[]) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const job: QueueJob = {
    id,
    owner,
    start: () => {
      log.push(`start ${id}`);
      return done;
    },
    stop: () => {
      log.push(`stop ${id}`);
      finish();
    },
  };
  return { job, finish };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function createQueue(overrides: Partial<ConstructorParameters<typeof TrainingQueue>[0]> = {}) {
  const moves: [string, number][] = [];
  const queue = new TrainingQueue({
    concurrency: 1,
    maxRunningPerUser: 1,
    maxQueuedPerUser: 3,
    maxQueueLength: 10,
    onPositions: (positions) => positions.forEach(({ job, position }) => moves.push([job.id, position])),
    ...overrides,
  });
  return { queue, moves };
}

describe('the training queue', () => {
  it('starts a job at once when a thread is free and queues the next one with its position', async () => {
    const log: string[] = [];
    const { queue } = createQueue();
    const a = makeJob('a', 'ann', log);
    const b = makeJob('b', 'bob', log);
    const c = makeJob('c', 'cid', log);
    expect(queue.enqueue(a.job)).toBe(0);
    expect(queue.enqueue(b.job)).toBe(1);
    expect(queue.enqueue(c.job)).toBe(2);
    await settle();
    expect(log).toEqual(['start a']);
    expect(queue.stats).toEqual({ running: 1, waiting: 2 });
  });

  it('moves everyone up when the running job ends and reports the new positions', async () => {
    const log: string[] = [];
    const { queue, moves } = createQueue();
    const a = makeJob('a', 'ann', log);
    const b = makeJob('b', 'bob', log);
    const c = makeJob('c', 'cid', log);
    [a, b, c].forEach(({ job }) => queue.enqueue(job));
    a.finish();
    await settle();
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect(queue.positionOf('b')).toBe(0);
    expect(queue.positionOf('c')).toBe(1);
    expect(moves.at(-1)).toEqual(['c', 1]);
  });

  it("lets another user's job overtake a job whose owner already has a run training", async () => {
    const log: string[] = [];
    const { queue } = createQueue({ concurrency: 2 });
    const a1 = makeJob('a1', 'ann', log);
    const a2 = makeJob('a2', 'ann', log);
    const b1 = makeJob('b1', 'bob', log);
    queue.enqueue(a1.job);
    expect(queue.enqueue(a2.job)).toBe(1);
    queue.enqueue(b1.job);
    await settle();
    expect(log).toEqual(['start a1', 'start b1']);
    expect(queue.positionOf('a2')).toBe(1);
    a1.finish();
    await settle();
    await settle();
    expect(log).toEqual(['start a1', 'start b1', 'start a2']);
  });

  it('refuses a fourth waiting run of the same user with a clear message', () => {
    const log: string[] = [];
    const { queue } = createQueue();
    for (let i = 0; i < 4; i++) queue.enqueue(makeJob(`a${i}`, 'ann', log).job);
    expect(() => queue.enqueue(makeJob('a4', 'ann', log).job)).toThrow(/already have 3 runs waiting/);
    expect(() => queue.enqueue(makeJob('b', 'bob', log).job)).not.toThrow();
  });

  it('refuses new runs when the whole queue is full', () => {
    const log: string[] = [];
    const { queue } = createQueue({ maxQueueLength: 2 });
    ['a', 'b', 'c'].forEach((id) => queue.enqueue(makeJob(id, id, log).job));
    expect(() => queue.enqueue(makeJob('d', 'd', log).job)).toThrow(/queue is full/);
  });

  it('removes a waiting job on cancel and asks a running job to stop', async () => {
    const log: string[] = [];
    const { queue, moves } = createQueue();
    const a = makeJob('a', 'ann', log);
    const b = makeJob('b', 'bob', log);
    const c = makeJob('c', 'cid', log);
    [a, b, c].forEach(({ job }) => queue.enqueue(job));
    expect(queue.cancel('b')).toBe('dequeued');
    expect(moves.at(-1)).toEqual(['c', 1]);
    expect(queue.cancel('a')).toBe('stopping');
    await settle();
    await settle();
    expect(log).toEqual(['start a', 'stop a', 'start c']);
    expect(queue.cancel('nope')).toBe('unknown');
  });
});
