import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, solve } from '@/engine/exercises';
import { recordGradedAttempt } from '@/lib/course/record-graded-attempt';
import { rebuildLearnerModel } from '@/lib/course/mastery/rebuild-learner-model';
import { getDb } from '@/lib/db';
import { seedForExam, seedForStudent } from '@/lib/exercises/keyed-seeds';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { api, submit, wrongAnswer } from './exercises-support';

// The mastery backfill (`npm run db:backfill-mastery`, rebuildLearnerModel) replays every graded
// attempt on record and must arrive at exactly the state the live updates built one attempt at a
// time: through the real server (homework and exam answers), through the hook itself for a
// history spread over days (reviews falling due and rescheduled), and for attempts stored before
// mastery existed (no rows at all).

const HOUR = 3600_000;
const DAY = 24 * HOUR;
let teacher: TestUser;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let classId = '';
let aliceCookie = '';

// A history over two weeks: score per attempt on two skills (1 = right), hours after the start.
const HISTORY: { typeId: string; score: number; hours: number }[] = [
  { typeId: 'rnn-step', score: 0, hours: 0 },
  { typeId: 'rnn-step', score: 1, hours: 0.1 },
  { typeId: 'pooling', score: 0.6, hours: 1 },
  { typeId: 'rnn-step', score: 1, hours: 30 },
  { typeId: 'pooling', score: 1, hours: 31 },
  { typeId: 'rnn-step', score: 0.2, hours: 100 },
  { typeId: 'pooling', score: 1, hours: 200 },
  { typeId: 'rnn-step', score: 1, hours: 300 },
];
const START = Date.now() - 20 * DAY;

beforeAll(async () => {
  [teacher, alice, bob, carol] = await Promise.all([createTestUser('Teacher'), createTestUser('Alice'), createTestUser('Bob'), createTestUser('Carol')]);
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: alice, role: 'STUDENT' },
  ]));
  aliceCookie = await signIn(alice.email);
});

function attemptRow(user: TestUser, step: (typeof HISTORY)[number]) {
  return {
    userId: user.id, typeId: step.typeId, round: 0, seed: 1n, answer: {}, score: step.score, correct: step.score === 1,
    clientSubmissionId: crypto.randomUUID(), createdAt: new Date(START + step.hours * HOUR),
  };
}

/** The learner model rows of a student, without ids and user ids, in a stable order. */
async function learnerModelOf(user: TestUser) {
  const [mastery, cards] = await Promise.all([
    getDb().skillMastery.findMany({ where: { userId: user.id }, orderBy: { typeId: 'asc' }, omit: { id: true, userId: true } }),
    getDb().reviewCard.findMany({ where: { userId: user.id }, orderBy: { typeId: 'asc' }, omit: { id: true, userId: true } }),
  ]);
  return { mastery, cards };
}

async function deleteLearnerModel(user: TestUser) {
  await getDb().skillMastery.deleteMany({ where: { userId: user.id } });
  await getDb().reviewCard.deleteMany({ where: { userId: user.id } });
}

describe('mastery backfill', () => {
  it('gives the state the server built from homework and exam answers, and changes nothing when run again', async () => {
    const type = 'rnn-step';
    const wrong = wrongAnswer(generate(type, seedForStudent(alice.id, type, 0)).answer, solve(type, seedForStudent(alice.id, type, 0)));
    expect((await submit(aliceCookie, type, { answer: wrong, round: 0 })).status).toBe(200);
    expect((await submit(aliceCookie, type, { answer: solve(type, seedForStudent(alice.id, type, 0)), round: 0 })).status).toBe(200);
    const exam = await getDb().exam.create({
      data: {
        classId, title: 'Quiz', opensAt: new Date(Date.now() - HOUR), closesAt: new Date(Date.now() + DAY), timeLimitMinutes: 30, maxAttempts: 2,
        feedback: 'IMMEDIATE', publishedAt: new Date(Date.now() - HOUR),
        questions: { create: [{ typeId: 'pooling', position: 0, points: 1 }, { typeId: type, position: 1, points: 1 }] },
      },
    });
    expect((await api(aliceCookie, `/api/course/exams/${exam.id}/start`, { body: { honourCode: true } })).status).toBe(200);
    for (const typeId of ['pooling', type]) {
      const seed = seedForExam(exam.id, typeId, alice.id);
      const answer = { typeId, answer: solve(typeId, seed), clientSubmissionId: crypto.randomUUID() };
      expect((await api(aliceCookie, `/api/course/exams/${exam.id}/answers`, { body: answer })).status).toBe(200);
    }
    const live = await learnerModelOf(alice);
    expect(live.mastery.map((row) => [row.typeId, row.attempts])).toEqual([['pooling', 1], [type, 3]]);

    expect(await rebuildLearnerModel({ userIds: [alice.id] })).toEqual({ students: 1, skills: 2, attempts: 4 });
    expect(await learnerModelOf(alice)).toEqual(live);
    await deleteLearnerModel(alice);
    await rebuildLearnerModel({ userIds: [alice.id] });
    expect(await learnerModelOf(alice), 'missing rows are rebuilt').toEqual(live);
  });

  it('replays a two-week history (reviews falling due and rescheduled) to the state the hook built attempt by attempt', async () => {
    // Bob: each attempt stored and folded in by the grading hook, as submitAttempt does.
    for (const step of HISTORY) {
      await getDb().$transaction(async (tx) => {
        const attempt = await tx.attempt.create({ data: attemptRow(bob, step) });
        await recordGradedAttempt(tx, { userId: bob.id, typeId: step.typeId, score: step.score, correct: attempt.correct, at: attempt.createdAt });
      });
    }
    const live = await learnerModelOf(bob);
    expect(live.cards.every((card) => card.reps >= 2), 'the history reviewed both skills more than once').toBe(true);

    await deleteLearnerModel(bob);
    await rebuildLearnerModel({ userIds: [bob.id] });
    expect(await learnerModelOf(bob)).toEqual(live);

    // Carol did the same work before mastery existed: attempts only, no learner-model rows.
    await getDb().attempt.createMany({ data: HISTORY.map((step) => attemptRow(carol, step)) });
    expect((await learnerModelOf(carol)).mastery).toEqual([]);
    await rebuildLearnerModel({ userIds: [carol.id] });
    expect(await learnerModelOf(carol)).toEqual(live);
    await rebuildLearnerModel({ userIds: [carol.id] });
    expect(await learnerModelOf(carol), 'idempotent').toEqual(live);
  });
});
