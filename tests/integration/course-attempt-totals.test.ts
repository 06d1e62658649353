import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, solve } from '@/engine/exercises';
import { rebuildLearnerModel } from '@/lib/course/mastery/rebuild-learner-model';
import { getDb } from '@/lib/db';
import { seedForExam, seedForStudent } from '@/lib/exercises/keyed-seeds';
import { findAttemptSummaries } from '@/lib/gradebook/find-attempt-summaries';
import { rebuildAttemptTotals } from '@/lib/gradebook/rebuild-attempt-totals';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { api, submit, wrongAnswer } from './exercises-support';

// `AttemptTotal` (per student and exercise type: attempts, right answers, best, score sum, first
// and last attempt) is what the gradebook, the dashboard and the assignment pages read instead of
// aggregating every attempt. Triggers on "Attempt" keep it; here it must equal a recomputation
// from the raw attempts after homework through the real server (a double submit, concurrent
// submits), exam answers, bulk inserts, an update and deletes — and the rebuild changes nothing.

const HOUR = 3600_000;

interface Total {
  userId: string;
  typeId: string;
  attempts: number;
  solved: number;
  best: number;
  scoreSum: number;
  firstAt: Date;
  lastAt: Date;
}

/** The totals as the triggers keep them, for `users`. */
async function storedTotals(users: TestUser[]): Promise<Total[]> {
  return getDb().attemptTotal.findMany({ where: { userId: { in: users.map((u) => u.id) } }, orderBy: [{ userId: 'asc' }, { typeId: 'asc' }] });
}

/** The same figures recomputed from the attempts themselves (in JavaScript, not by the trigger's SQL). */
async function recomputedTotals(users: TestUser[]): Promise<Total[]> {
  const attempts = await getDb().attempt.findMany({ where: { userId: { in: users.map((u) => u.id) } }, select: { userId: true, typeId: true, score: true, correct: true, createdAt: true } });
  const byKey = new Map<string, Total>();
  for (const a of attempts) {
    const key = `${a.userId}\u0000${a.typeId}`;
    const total = byKey.get(key) ?? { userId: a.userId, typeId: a.typeId, attempts: 0, solved: 0, best: 0, scoreSum: 0, firstAt: a.createdAt, lastAt: a.createdAt };
    total.attempts += 1;
    total.solved += a.correct ? 1 : 0;
    total.best = Math.max(total.best, a.score);
    total.scoreSum += a.score;
    if (a.createdAt < total.firstAt) total.firstAt = a.createdAt;
    if (a.createdAt > total.lastAt) total.lastAt = a.createdAt;
    byKey.set(key, total);
  }
  return [...byKey.values()].sort((a, b) => (a.userId === b.userId ? (a.typeId < b.typeId ? -1 : 1) : a.userId < b.userId ? -1 : 1));
}

/** A total without its score sum (compared to rounding on its own). */
function withoutSum(total: Total): Omit<Total, 'scoreSum'> {
  const { userId, typeId, attempts, solved, best, firstAt, lastAt } = total;
  return { userId, typeId, attempts, solved, best, firstAt, lastAt };
}

/** Stored totals equal the recomputation (score sums to rounding: the order of addition differs). */
async function expectTotalsMatch(users: TestUser[]) {
  const [stored, recomputed] = await Promise.all([storedTotals(users), recomputedTotals(users)]);
  expect(stored.map(withoutSum)).toEqual(recomputed.map(withoutSum));
  for (const [index, total] of stored.entries()) expect(total.scoreSum).toBeCloseTo(recomputed[index].scoreSum, 9);
}

let alice: TestUser;
let bob: TestUser;
let aliceCookie = '';
let bobCookie = '';

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestUser('Totals Alice'), createTestUser('Totals Bob')]);
  [aliceCookie, bobCookie] = await Promise.all([signIn(alice.email), signIn(bob.email)]);
});

describe('attempt totals', () => {
  it('match the attempts after homework through the server, a double submit counting once', async () => {
    const type = 'rnn-step';
    const seed = seedForStudent(alice.id, type, 0);
    const wrong = wrongAnswer(generate(type, seed).answer, solve(type, seed));
    expect((await submit(aliceCookie, type, { answer: wrong, round: 0 })).status).toBe(200);
    const clientSubmissionId = crypto.randomUUID();
    const [first, replay] = [await submit(aliceCookie, type, { answer: solve(type, seed), round: 0, clientSubmissionId }), await submit(aliceCookie, type, { answer: solve(type, seed), round: 0, clientSubmissionId })];
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(await getDb().attempt.count({ where: { userId: alice.id, typeId: type } })).toBe(2);
    await expectTotalsMatch([alice]);
    const [total] = await storedTotals([alice]);
    expect([total.attempts, total.solved]).toEqual([2, 1]);

    // The gradebook's and dashboard's reader gives the same cell as the raw attempts would.
    const [summary] = await findAttemptSummaries({ userIds: [alice.id] });
    const [since] = await findAttemptSummaries({ userIds: [alice.id], since: new Date(0) });
    expect(summary).toEqual(since);
  });

  it('match the attempts after concurrent submits on two types, and exam answers add no homework attempt', async () => {
    const types = ['pooling', 'conv-output-shape'];
    // Eight submits at once: two types, each a wrong answer and right answers racing for one round.
    const submits = types.flatMap((type) => {
      const seed = seedForStudent(bob.id, type, 0);
      const wrong = wrongAnswer(generate(type, seed).answer, solve(type, seed));
      return [wrong, wrong, solve(type, seed), solve(type, seed)].map((answer) => submit(bobCookie, type, { answer, round: 0 }));
    });
    const statuses = (await Promise.all(submits)).map((response) => response.status);
    expect(statuses.every((status) => status === 200 || status === 409), `statuses ${statuses}`).toBe(true);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
    await expectTotalsMatch([bob]);

    const teacher = await createTestUser('Totals Teacher');
    const { id: classId } = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }, { user: bob, role: 'STUDENT' }]);
    const exam = await getDb().exam.create({
      data: {
        classId, title: 'Totals quiz', opensAt: new Date(Date.now() - HOUR), closesAt: new Date(Date.now() + HOUR), timeLimitMinutes: 30, maxAttempts: 2,
        feedback: 'IMMEDIATE', publishedAt: new Date(Date.now() - HOUR), questions: { create: [{ typeId: 'pooling', position: 0, points: 1 }] },
      },
    });
    const before = await storedTotals([bob]);
    expect((await api(bobCookie, `/api/course/exams/${exam.id}/start`, { body: { honourCode: true } })).status).toBe(200);
    const answer = { typeId: 'pooling', answer: solve('pooling', seedForExam(exam.id, 'pooling', bob.id)), clientSubmissionId: crypto.randomUUID() };
    expect((await api(bobCookie, `/api/course/exams/${exam.id}/answers`, { body: answer })).status).toBe(200);
    // Exam work updates mastery (all graded work), not the homework totals.
    expect(await storedTotals([bob])).toEqual(before);
    const mastery = await getDb().skillMastery.findMany({ where: { userId: bob.id }, orderBy: { typeId: 'asc' }, omit: { id: true } });
    await rebuildLearnerModel({ userIds: [bob.id] });
    expect(await getDb().skillMastery.findMany({ where: { userId: bob.id }, orderBy: { typeId: 'asc' }, omit: { id: true } }), 'mastery equals its rebuild from all graded work').toEqual(mastery);
  });

  it('match the attempts after bulk inserts from parallel transactions, an update and deletes; the rebuild changes nothing', async () => {
    const carol = await createTestUser('Totals Carol');
    const start = Date.now() - 48 * HOUR;
    const row = (typeId: string, i: number) => ({
      userId: carol.id, typeId, round: i, seed: 1n, answer: {}, score: (i % 5) / 4, correct: i % 5 === 4,
      clientSubmissionId: crypto.randomUUID(), createdAt: new Date(start + i * 60_000),
    });
    // Four transactions insert into the same (student, type) pairs at once.
    await Promise.all([0, 1, 2, 3].map((batch) => getDb().attempt.createMany({ data: Array.from({ length: 25 }, (_, i) => row(i % 2 === 0 ? 'pooling' : 'rnn-step', batch * 25 + i)) })));
    await expectTotalsMatch([carol]);

    // An update moves attempts to another type; deletes remove the best one and then a whole type.
    await getDb().attempt.updateMany({ where: { userId: carol.id, typeId: 'rnn-step', round: { lt: 20 } }, data: { typeId: 'softmax-ce-grad' } });
    await expectTotalsMatch([carol]);
    const best = await getDb().attempt.findFirstOrThrow({ where: { userId: carol.id, typeId: 'pooling' }, orderBy: [{ score: 'desc' }, { createdAt: 'desc' }] });
    await getDb().attempt.delete({ where: { id: best.id } });
    await getDb().attempt.deleteMany({ where: { userId: carol.id, typeId: 'softmax-ce-grad' } });
    await expectTotalsMatch([carol]);
    expect((await storedTotals([carol])).map((total) => total.typeId)).toEqual(['pooling', 'rnn-step']);

    const before = await storedTotals([alice, bob, carol]);
    await rebuildAttemptTotals();
    const after = await storedTotals([alice, bob, carol]);
    expect(after.map(withoutSum)).toEqual(before.map(withoutSum));

    // A deleted account takes its totals with it.
    await getDb().user.delete({ where: { id: carol.id } });
    expect(await storedTotals([carol])).toEqual([]);
  });
});
