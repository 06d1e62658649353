import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import { countParameters } from '@/engine/playground/count-parameters';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { readStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { trainModel } from '@/engine/playground/train-model';
import { createTestUser, signIn } from '../support/auth';
import { connectTraining, type TrainingClient } from './training-support';
import { expectOk } from '../support/acks';

// Runs over the real server's sockets: start, stream, stop, store, reopen, fork, limits.

const xorMlp = { ...DEFAULT_CONFIGS.mlp, task: 'xor' as const, samples: 200, hidden: [8], epochs: 30 };
// Heavy enough that it cannot finish before the test stops it (or the wall time does).
const longMlp = { ...DEFAULT_CONFIGS.mlp, samples: 2000, hidden: [32, 32, 32], epochs: TRAINING_LIMITS.maxEpochs };

let alice: TrainingClient;
let aliceCookie: string;
let bob: TrainingClient;
let bobCookie: string;

beforeAll(async () => {
  const [a, b] = await Promise.all([createTestUser('Alice'), createTestUser('Bob')]);
  [aliceCookie, bobCookie] = await Promise.all([signIn(a.email), signIn(b.email)]);
  [alice, bob] = await Promise.all([connectTraining(aliceCookie), connectTraining(bobCookie)]);
});
afterAll(() => {
  alice?.close();
  bob?.close();
});

const api = (path: string, cookie: string) => fetch(`${inject('baseUrl')}${path}`, { headers: { cookie } });

describe('training a model over socket.io', () => {
  it('streams every epoch of an XOR MLP and stores the run with its curve, accuracy and parameter count', async () => {
    const started = expectOk(await alice.start(xorMlp));
    expect(started.params).toBe(2 * 8 + 8 + 8 + 1);
    const end = await alice.waitForEnd(started.runId);
    expect(end.status).toBe('COMPLETED');
    expect(alice.epochsOf(started.runId)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(alice.progress.some((p) => p.runId === started.runId && p.snapshot?.kind === 'boundary')).toBe(true);

    const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: started.runId } });
    const stored = readStoredMetrics(row.metrics);
    expect(row.status).toBe('COMPLETED');
    expect(row.params).toBe(started.params);
    expect(stored.metrics).toHaveLength(30);
    expect(row.finalValAcc).toBe(stored.metrics[29].valAcc);
    expect(end.finalValAcc).toBe(row.finalValAcc);
    expect(stored.snapshot?.epoch).toBe(30);
    // The server's curve is the one the same configuration gives anywhere.
    const local = trainModel(xorMlp);
    expect(stored.metrics.map((m) => [m.loss, m.valAcc])).toStrictEqual(local.metrics.map((m) => [m.loss, m.valAcc]));
  });

  it('reopens a run through the API for its owner only', async () => {
    const { runId } = expectOk(await alice.start({ ...xorMlp, epochs: 3 }));
    await alice.waitForEnd(runId);
    const own = await api(`/api/training/runs/${runId}`, aliceCookie);
    expect(own.status).toBe(200);
    const { run } = await own.json();
    expect(run.metrics).toHaveLength(3);
    expect(run.config).toEqual({ ...xorMlp, epochs: 3 });
    expect((await api(`/api/training/runs/${runId}`, bobCookie)).status).toBe(404);
    const list = await (await api('/api/training/runs', aliceCookie)).json();
    expect(list.runs.map((r: { id: string }) => r.id)).toContain(runId);
    const bobs = await (await api('/api/training/runs', bobCookie)).json();
    expect(bobs.runs.map((r: { id: string }) => r.id)).not.toContain(runId);
  });

  it('stops a run at any time, keeping the epochs it completed', async () => {
    const { runId } = expectOk(await alice.start(longMlp));
    await alice.waitFor(runId, (p) => p.metrics.length > 0);
    const stopped = expectOk(await alice.stop(runId));
    expect(stopped.isStopping).toBe(true);
    const end = await alice.waitForEnd(runId);
    expect(end.status).toBe('STOPPED');
    expect(end.stopReason).toBe('user');
    const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } });
    const epochs = readStoredMetrics(row.metrics).metrics.length;
    expect(row.status).toBe('STOPPED');
    expect(row.error).toBe('user');
    expect(epochs).toBeGreaterThan(0);
    expect(epochs).toBeLessThan(TRAINING_LIMITS.maxEpochs);
    // A second click on stop changes nothing.
    expect(expectOk(await alice.stop(runId))).toMatchObject({ status: 'STOPPED', isStopping: false });
  });

  it("queues a user's second run behind their first and shows its position, and stopping a queued run ends it at once", async () => {
    const first = expectOk(await bob.start(longMlp));
    await bob.waitFor(first.runId, (p) => p.status === 'RUNNING');
    const second = expectOk(await bob.start(xorMlp));
    expect(second.position).toBeGreaterThanOrEqual(1);
    const queued = await bob.waitFor(second.runId, (p) => p.status === 'QUEUED');
    expect(queued.position).toBe(second.position);
    expect(expectOk(await bob.stop(second.runId))).toMatchObject({ status: 'STOPPED', isStopping: false });
    expect((await getDb().trainingRun.findUniqueOrThrow({ where: { id: second.runId } })).status).toBe('STOPPED');
    expectOk(await bob.stop(first.runId));
    await bob.waitForEnd(first.runId);
  });

  it('forks a run: the new run remembers its parent, and nobody forks a run they cannot see', async () => {
    const parent = expectOk(await alice.start({ ...xorMlp, epochs: 2 }));
    await alice.waitForEnd(parent.runId);
    const child = expectOk(await alice.start({ ...xorMlp, epochs: 2, lr: 0.01 }, parent.runId));
    await alice.waitForEnd(child.runId);
    expect((await getDb().trainingRun.findUniqueOrThrow({ where: { id: child.runId } })).forkedFromId).toBe(parent.runId);
    const refused = await bob.start(xorMlp, parent.runId);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('NOT_FOUND');
  });

  it('compares two runs side by side through the API', async () => {
    const a = expectOk(await alice.start({ ...xorMlp, epochs: 2 }));
    await alice.waitForEnd(a.runId);
    const b = expectOk(await alice.start({ ...xorMlp, epochs: 4, seed: 9 }));
    await alice.waitForEnd(b.runId);
    const response = await api(`/api/training/compare?a=${a.runId}&b=${b.runId}`, aliceCookie);
    const body = await response.json();
    expect(body.a.metrics).toHaveLength(2);
    expect(body.b.metrics).toHaveLength(4);
    expect(body.b.seed).toBe(9);
    expect((await api(`/api/training/compare?a=${a.runId}&b=${b.runId}`, bobCookie)).status).toBe(404);
  });
});

describe('limits on what a run may ask for', () => {
  it('refuses a model over the parameter limit with a message that gives both numbers', async () => {
    const huge = { ...DEFAULT_CONFIGS.transformer, dModel: 64, heads: 4, layers: 3, dFF: 128 };
    const params = countParameters(huge);
    expect(params).toBeGreaterThan(TRAINING_LIMITS.maxParams);
    const ack = await alice.start(huge);
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe('BAD_REQUEST');
    expect(ack.error.message).toContain(`${params.toLocaleString('en')} parameters; the limit is 50,000`);
    expect(ack.error.text.ko).toContain('설정을 확인하세요');
    expect(await getDb().trainingRun.count({ where: { model: 'transformer', params } })).toBe(0);
  });

  it('refuses too many epochs, a missing knob and a learning rate that is not a number', async () => {
    // A socket of its own: each socket may send 10 events a second, and Alice's has been busy.
    const client = await connectTraining(aliceCookie);
    const tooMany = await client.start({ ...xorMlp, epochs: TRAINING_LIMITS.maxEpochs + 1 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fieldErrors: { epochs: [expect.any(String)] } } });
    const { lr: _lr, ...missing } = xorMlp;
    const noLr = await client.start(missing);
    expect(noLr).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fieldErrors: { lr: [expect.any(String)] } } });
    // JSON has no NaN: it arrives as null and is refused as not a number.
    const nan = await client.start({ ...xorMlp, lr: Number.NaN });
    expect(nan).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fieldErrors: { lr: [expect.any(String)] } } });
    const unknownModel = await client.start({ ...xorMlp, model: 'gpt' });
    expect(unknownModel).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    client.close();
  });

  it('slows down a socket that floods the server with events', async () => {
    const client = await connectTraining(aliceCookie, undefined, { isPaced: false });
    const acks = await Promise.all(Array.from({ length: 15 }, () => client.start({ ...xorMlp, epochs: 0 })));
    const limited = acks.filter((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(acks.filter((ack) => !ack.ok && ack.error.code === 'BAD_REQUEST').length).toBe(15 - limited.length);
    client.close();
  });

  it('refuses a guest', async () => {
    const guest = await connectTraining();
    try {
      const ack = await guest.start(xorMlp);
      expect(!ack.ok && ack.error.code).toBe('UNAUTHORIZED');
    } finally {
      guest.close();
    }
  });

  it('refuses a payload over the socket size limit without crashing the server', async () => {
    const guestless = await connectTraining(aliceCookie);
    const disconnected = new Promise<string>((resolve) => guestless.socket.once('disconnect', resolve));
    guestless.socket.emit('training:start', { config: { ...xorMlp, junk: 'x'.repeat(200 * 1024) } });
    expect(await disconnected).toBe('transport close');
    guestless.close();
    // The server is still there for everyone else.
    const { runId } = expectOk(await bob.start({ ...xorMlp, epochs: 1 }));
    await bob.waitForEnd(runId);
  });
});
