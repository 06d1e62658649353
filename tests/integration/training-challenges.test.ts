import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { ChallengeLeaderboard } from '@/lib/training/challenges/get-challenge-leaderboard';
import { readStoredMetrics, toStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { TRAINING_CLIENT_EVENTS } from '@/lib/training/training-events';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { connectTraining, type TrainingClient } from './training-support';
import { expectOk } from '../support/acks';

// Challenges end to end: an instructor opens one, students enter runs over sockets, the server
// retrains each entry from its configuration and seed, and ranks what it computed.

type Person = { user: TestUser; cookie: string; client: TrainingClient };
let teacher: Person;
let ada: Person;
let bea: Person;
let outsider: Person;
let classId: string;
let challengeId: string;

// The standard two-spirals data (challenges fix the data knobs) with tiny models that train in a blink.
const tiny = (hidden: number[], seed = 1) => ({ ...DEFAULT_CONFIGS.mlp, hidden, epochs: 12, seed });

async function person(name: string): Promise<Person> {
  const user = await createTestUser(name);
  const cookie = await signIn(user.email);
  return { user, cookie, client: await connectTraining(cookie) };
}

async function train(who: Person, config: unknown): Promise<string> {
  const { runId } = expectOk(await who.client.start(config));
  const end = await who.client.waitForEnd(runId);
  expect(end.status).toBe('COMPLETED');
  return runId;
}

const post = (who: Person, body: unknown) =>
  fetch(`${inject('baseUrl')}/api/training/challenges`, { method: 'POST', headers: { cookie: who.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const watch = (who: Person) => who.client.emit(TRAINING_CLIENT_EVENTS.watchChallenge, { challengeId });
const submit = (who: Person, runId: string, id = challengeId) => who.client.emit(TRAINING_CLIENT_EVENTS.submitEntry, { challengeId: id, runId });

/** Polls the leaderboard until every entry has been re-checked. */
async function settledBoard(who: Person): Promise<ChallengeLeaderboard> {
  for (let i = 0; i < 200; i++) {
    const { leaderboard } = expectOk(await watch(who));
    if (leaderboard.rows.every((row) => row.state !== 'checking')) return leaderboard;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the re-checks did not finish');
}

beforeAll(async () => {
  [teacher, ada, bea, outsider] = await Promise.all([person('Teacher'), person('Ada'), person('Bea'), person('Outsider')]);
  ({ id: classId } = await createTestClass([
    { user: teacher.user, role: 'INSTRUCTOR' },
    { user: ada.user, role: 'STUDENT' },
    { user: bea.user, role: 'STUDENT' },
  ]));
});
afterAll(() => {
  for (const p of [teacher, ada, bea, outsider]) p?.client.close();
});

describe('challenges', () => {
  it('lets only an instructor of the class open one, with a future closing time and a task the model trains on', async () => {
    const base = { classId, title: 'Two spirals, at most 50 parameters', model: 'mlp', task: 'spirals', maxParams: 50, maxSeconds: 30, closesAt: new Date(Date.now() + 3600_000).toISOString() };
    expect((await post(ada, base)).status).toBe(403);
    expect((await post(outsider, base)).status).toBe(403);
    const badTask = await post(teacher, { ...base, task: 'digits' });
    expect(badTask.status).toBe(400);
    expect((await badTask.json()).error.fieldErrors.task).toBeTruthy();
    expect((await post(teacher, { ...base, closesAt: new Date(Date.now() - 1000).toISOString() })).status).toBe(400);
    expect((await post(teacher, { ...base, maxSeconds: 600 })).status).toBe(400);
    const created = await post(teacher, base);
    expect(created.status).toBe(201);
    challengeId = (await created.json()).challenge.id;
    const list = await (await fetch(`${inject('baseUrl')}/api/training/challenges`, { headers: { cookie: ada.cookie } })).json();
    expect(list.challenges.map((c: { id: string }) => c.id)).toContain(challengeId);
  });

  it('re-checks each entry by retraining it on the server and ranks by that score, then by fewer parameters', async () => {
    const adaRun = await train(ada, tiny([4]));
    const beaRun = await train(bea, tiny([6], 3));
    // Ada's page watches the board, as the challenge page does.
    expectOk(await watch(ada));
    const adaAck = expectOk(await submit(ada, adaRun));
    expect(adaAck.entryId).toBeTruthy();
    expectOk(await submit(bea, beaRun));

    const board = await settledBoard(teacher);
    const stored = await getDb().trainingRun.findMany({ where: { id: { in: [adaRun, beaRun] } }, select: { id: true, finalValAcc: true, params: true } });
    for (const row of board.rows) {
      const run = stored.find((r) => r.id === row.runId);
      expect(row.state).toBe('verified');
      expect(row.recheckedScore).toBe(run?.finalValAcc);
      expect(row.params).toBe(run?.params);
    }
    const expected = [...board.rows].sort((a, b) => (b.recheckedScore ?? 0) - (a.recheckedScore ?? 0) || a.params - b.params);
    expect(board.rows.map((r) => r.runId)).toEqual(expected.map((r) => r.runId));
    expect(board.rows.map((r) => r.rank)).toEqual([1, 2]);
    // Ada's socket heard that the board changed.
    expect(ada.client.leaderboardChanges).toContain(challengeId);
  });

  it('ranks a run whose stored result was tampered with by the score the server recomputes', async () => {
    const runId = await train(bea, tiny([2], 7));
    const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } });
    const { metrics, snapshot } = readStoredMetrics(row.metrics);
    const honest = metrics.at(-1)?.valAcc;
    expect(honest).toBeLessThan(1);
    metrics[metrics.length - 1] = { ...metrics[metrics.length - 1], valAcc: 1 };
    await getDb().trainingRun.update({ where: { id: runId }, data: { finalValAcc: 1, metrics: toStoredMetrics(metrics, snapshot) } });

    expectOk(await submit(bea, runId));
    let entry = await getDb().challengeEntry.findFirstOrThrow({ where: { runId } });
    for (let i = 0; i < 200 && entry.recheckedScore === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      entry = await getDb().challengeEntry.findFirstOrThrow({ where: { runId } });
    }
    expect(entry.recheckedScore).toBe(honest);
    const board = await settledBoard(bea);
    const beaRow = board.rows.find((r) => r.isYou);
    // Bea's best entry is still her honest one, unless the forged run happens to re-check higher.
    expect(beaRow?.recheckedScore).not.toBe(1);
    expect(board.rows.every((r) => r.recheckedScore !== 1 || r.state === 'verified')).toBe(true);
  });

  it('refuses entries that break the rules, each with its reason', async () => {
    const tooBig = await train(ada, tiny([16]));
    expect(await submit(ada, tooBig)).toMatchObject({ ok: false, error: { code: 'UNPROCESSABLE', message: expect.stringContaining('has 65 parameters; this challenge allows at most 50') } });
    const noisy = await train(ada, { ...tiny([4]), noise: 0 });
    expect(await submit(ada, noisy)).toMatchObject({ ok: false, error: { code: 'UNPROCESSABLE', message: expect.stringContaining('noise 0 → 0.05') } });
    const otherTask = await train(ada, { ...tiny([4]), task: 'xor' });
    expect(await submit(ada, otherTask)).toMatchObject({ ok: false, error: { code: 'UNPROCESSABLE' } });
    const adaRun = (await getDb().challengeEntry.findFirstOrThrow({ where: { challengeId, userId: ada.user.id } })).runId;
    expect(await submit(ada, adaRun)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await submit(bea, adaRun)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const outsiderRun = await train(outsider, tiny([4]));
    expect(await submit(outsider, outsiderRun)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await watch(outsider)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("trains a run for a challenge within the challenge's time budget, and refuses a configuration that does not fit it", async () => {
    const closesAt = new Date(Date.now() + 3600_000).toISOString();
    const created = await post(teacher, { classId, title: 'Five seconds', model: 'mlp', task: 'spirals', maxParams: 20_000, maxSeconds: 5, closesAt });
    const shortId = (await created.json()).challenge.id;
    // Standard data, so only the model and the batch size can make it slow: about 20 s for 500 epochs.
    const heavy = { ...DEFAULT_CONFIGS.mlp, hidden: [64, 64, 64], batchSize: 2, epochs: 500 };
    const refused = await ada.client.emit(TRAINING_CLIENT_EVENTS.start, { config: { ...heavy, task: 'circle' }, challengeId: shortId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNPROCESSABLE' } });
    const started = await ada.client.emit(TRAINING_CLIENT_EVENTS.start, { config: heavy, challengeId: shortId });
    const { runId } = expectOk(started);
    const end = await ada.client.waitForEnd(runId, 30_000);
    expect(end).toMatchObject({ status: 'STOPPED', stopReason: 'time' });
    const { metrics } = readStoredMetrics((await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } })).metrics);
    expect(metrics.at(-1)?.ms).toBeLessThanOrEqual(6_000);
    // A run cut at the challenge's budget can be entered.
    expectOk(await submit(ada, runId, shortId));
  });

  it('refuses entries once the challenge has closed', async () => {
    const runId = await train(ada, tiny([3], 5));
    await getDb().challenge.update({ where: { id: challengeId }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await submit(ada, runId)).toMatchObject({ ok: false, error: { code: 'CONFLICT', text: { ko: '이 챌린지는 마감되었습니다.' } } });
    const board = await (await fetch(`${inject('baseUrl')}/api/training/challenges/${challengeId}`, { headers: { cookie: teacher.cookie } })).json();
    expect(board.challenge.isOpen).toBe(false);
    expect(board.challenge.isInstructor).toBe(true);
  });

  it('shows nicknames on the leaderboard when the class uses them', async () => {
    await getDb().class.update({ where: { id: classId }, data: { showNicknames: true } });
    await getDb().membership.update({ where: { userId_classId: { userId: ada.user.id, classId } }, data: { nickname: 'Lovelace' } });
    const { leaderboard } = expectOk(await watch(bea));
    const names = leaderboard.rows.map((r) => r.name);
    expect(names).toContain('Lovelace');
    expect(names).not.toContain('Ada');
  });
});
