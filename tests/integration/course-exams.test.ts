import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, solve, type AnswerValue, type NumberTree } from '@/engine/exercises';
import { finishExam } from '@/lib/course/exams/finish-exam';
import { getStudentExam } from '@/lib/course/exams/get-student-exam';
import { setExamExtension } from '@/lib/course/exams/save-exam';
import { startExam } from '@/lib/course/exams/start-exam';
import { submitExamAnswer } from '@/lib/course/exams/submit-exam-answer';
import type { TExamAnswerResult, TStudentExam } from '@/lib/course/exams/exam-schemas';
import { seedForExam } from '@/lib/exercises/keyed-seeds';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { isSameNumber, numbersIn } from '../support/numbers';
import { api, wrongAnswer } from './exercises-support';

// Exam mode through the services (with the server's clock set by the test) and the real API: the
// timer never restarts, the auto-submit at the deadline, extensions, attempts with decreasing
// credit, one keyed variant per question and student, and no expected value in any payload
// before release.

let teacher: TestUser;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let classId = '';
let teacherCookie = '';
let aliceCookie = '';
let bobCookie = '';

const TYPES = ['affine-backward', 'pooling', 'conv-output-shape', 'softmax-ce-grad', 'rnn-step', 'param-counts'];
const MINUTE = 60_000;

beforeAll(async () => {
  [teacher, alice, bob, carol] = await Promise.all([createTestUser('Teacher'), createTestUser('Alice'), createTestUser('Bob'), createTestUser('Carol')]);
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: alice, role: 'STUDENT' },
    { user: bob, role: 'STUDENT' },
    { user: carol, role: 'STUDENT' },
  ]));
  [teacherCookie, aliceCookie, bobCookie] = await Promise.all([signIn(teacher.email), signIn(alice.email), signIn(bob.email)]);
});

/** An exam straight in the database, open from an hour ago for a day. */
async function createExam(fields: { timeLimitMinutes?: number; maxAttempts?: number; creditDecayPct?: number; feedback?: 'IMMEDIATE' | 'ON_RELEASE'; types?: string[] } = {}) {
  const now = Date.now();
  const exam = await getDb().exam.create({
    data: {
      classId,
      title: `Exam ${crypto.randomBytes(3).toString('hex')}`,
      opensAt: new Date(now - 60 * MINUTE),
      closesAt: new Date(now + 24 * 60 * MINUTE),
      timeLimitMinutes: fields.timeLimitMinutes ?? 30,
      maxAttempts: fields.maxAttempts ?? 1,
      creditDecayPct: fields.creditDecayPct ?? 0,
      feedback: fields.feedback ?? 'ON_RELEASE',
      publishedAt: new Date(now - 60 * MINUTE),
      questions: { create: (fields.types ?? TYPES.slice(0, 2)).map((typeId, position) => ({ typeId, position, points: 2 })) },
    },
    select: { id: true },
  });
  return exam.id;
}

/** The expected answer with every number moved out of tolerance, so the answer sent holds none of them. */
function everyCellWrong(value: AnswerValue): AnswerValue {
  const move = (tree: NumberTree): NumberTree => (typeof tree === 'number' ? tree + 1 + Math.abs(tree) : tree.map(move));
  if (typeof value === 'number' || Array.isArray(value)) return move(value);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, everyCellWrong(field as AnswerValue)])) as AnswerValue;
  return value;
}

/** The payload with every ISO timestamp replaced by a word, so its digits are not read as numbers. */
function withoutTimestamps(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, 'timestamp'));
}

function expectedFor(examId: string, typeId: string, user: TestUser): AnswerValue {
  return solve(typeId, seedForExam(examId, typeId, user.id));
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; reason: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, reason: error.reason };
    throw error;
  }
  throw new Error('expected a refusal');
}

const answerOpts = (examId: string, user: TestUser, typeId: string, answer: unknown, now?: Date) => ({
  userId: user.id,
  examId,
  typeId,
  answer: answer as never,
  clientSubmissionId: crypto.randomUUID(),
  locale: 'en' as const,
  now,
});

describe('exam mode', () => {
  it('creates an exam from the form in the class time zone and refuses a window that closes before it opens', async () => {
    const body = {
      title: 'Midterm',
      opensAt: '2026-04-20T10:00',
      closesAt: '2026-04-20T12:00',
      timeLimitMinutes: 50,
      maxAttempts: 2,
      creditDecayPct: 25,
      feedback: 'ON_RELEASE',
      questions: [{ typeId: 'pooling', points: 3 }],
      isPublished: true,
    };
    const created = await api<{ id: string }>(teacherCookie, `/api/course/classes/${classId}/exams`, { body });
    expect(created.status).toBe(201);
    const row = await getDb().exam.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.opensAt.toISOString()).toBe('2026-04-20T01:00:00.000Z');
    expect(row.closesAt.toISOString()).toBe('2026-04-20T03:00:00.000Z');
    const bad = await api<{ error: { fieldErrors: Record<string, string[]> } }>(teacherCookie, `/api/course/classes/${classId}/exams`, { body: { ...body, closesAt: '2026-04-20T09:00' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors.closesAt).toBeDefined();
    const byStudent = await api(aliceCookie, `/api/course/classes/${classId}/exams`, { body });
    expect(byStudent.status).toBe(403);
  });

  it('needs the honour code to begin, and beginning again (reload, second tab) never restarts the timer', async () => {
    const examId = await createExam();
    const refused = await api(aliceCookie, `/api/course/exams/${examId}/start`, { body: {} });
    expect(refused.status).toBe(400);
    const before = await api<TStudentExam>(aliceCookie, `/api/course/exams/${examId}`);
    expect(before.body).toMatchObject({ status: 'NOT_STARTED', phase: 'OPEN', session: null, questions: [] });

    const first = await api<TStudentExam>(aliceCookie, `/api/course/exams/${examId}/start`, { body: { honourCode: true } });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('IN_PROGRESS');
    const startedAt = first.body.session!.startedAt;
    expect(new Date(first.body.session!.deadline).getTime() - new Date(startedAt).getTime()).toBe(30 * MINUTE);

    await new Promise((resolve) => setTimeout(resolve, 50));
    const [again, reload] = await Promise.all([
      api<TStudentExam>(aliceCookie, `/api/course/exams/${examId}/start`, { body: { honourCode: true } }),
      api<TStudentExam>(aliceCookie, `/api/course/exams/${examId}`),
    ]);
    expect(again.body.session!.startedAt).toBe(startedAt);
    expect(reload.body.session!.startedAt).toBe(startedAt);
    expect(reload.body.session!.remainingMs).toBeLessThan(first.body.session!.remainingMs);
    // Ten minutes later by the server's clock, the start is still the same and the time left shrank by ten minutes.
    const later = await startExam({ userId: alice.id, examId, locale: 'en', now: new Date(new Date(startedAt).getTime() + 10 * MINUTE) });
    expect(later.session!.startedAt).toBe(startedAt);
    expect(later.session!.remainingMs).toBe(20 * MINUTE);
    expect(await getDb().examSession.count({ where: { examId, userId: alice.id } })).toBe(1);
    expect((await getDb().examSession.findFirstOrThrow({ where: { examId, userId: alice.id } })).honourAcceptedAt.toISOString()).toBe(startedAt);
  });

  it('gives each student one keyed variant per question, in their own stable shuffled order', async () => {
    const examId = await createExam({ types: TYPES });
    const views = await Promise.all([alice, bob, carol].map((user) => startExam({ userId: user.id, examId, locale: 'en' })));
    views.forEach((view, index) => {
      const user = [alice, bob, carol][index];
      for (const question of view.questions) {
        const generated = generate(question.typeId, seedForExam(examId, question.typeId, user.id));
        expect({ prompt: question.prompt, given: question.given, answer: question.answer }).toEqual({ prompt: generated.prompt, given: generated.given, answer: generated.answer });
      }
      expect(view.questions.map((q) => q.typeId).sort()).toEqual([...TYPES].sort());
    });
    expect(views[0].questions.find((q) => q.typeId === 'pooling')!.given).not.toEqual(views[1].questions.find((q) => q.typeId === 'pooling')!.given);
    const orders = views.map((view) => view.questions.map((q) => q.typeId).join());
    expect(new Set(orders).size).toBeGreaterThan(1);
    const reloaded = await getStudentExam({ userId: alice.id, examId, locale: 'en' });
    expect(reloaded.questions.map((q) => q.typeId).join()).toBe(orders[0]);
    expect(reloaded.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('counts fixed attempts with decreasing credit, keeps the best, refuses one more and replays a repeated id', async () => {
    const examId = await createExam({ maxAttempts: 3, creditDecayPct: 25, feedback: 'IMMEDIATE', types: ['pooling'] });
    await startExam({ userId: bob.id, examId, locale: 'en' });
    const expected = expectedFor(examId, 'pooling', bob);
    const spec = generate('pooling', seedForExam(examId, 'pooling', bob.id)).answer;
    const wrong = await submitExamAnswer(answerOpts(examId, bob, 'pooling', wrongAnswer(spec, expected)));
    expect(wrong).toMatchObject({ attemptNumber: 1, attemptsLeft: 2, nextCreditFactor: 0.75 });
    expect(wrong.feedback!.correct).toBe(false);
    const rightOpts = answerOpts(examId, bob, 'pooling', expected);
    const right = await submitExamAnswer(rightOpts);
    expect(right.feedback).toMatchObject({ correct: true, score: 1, credit: 0.75 });
    // The same submission again (a retry) is the same attempt, not a third one.
    const replay = await submitExamAnswer(rightOpts);
    expect(replay.attemptNumber).toBe(2);
    const third = await submitExamAnswer(answerOpts(examId, bob, 'pooling', wrongAnswer(spec, expected)));
    expect(third).toMatchObject({ attemptNumber: 3, attemptsLeft: 0 });
    expect(third.feedback!.credit).toBeLessThan(0.5);
    expect(await refusal(submitExamAnswer(answerOpts(examId, bob, 'pooling', expected)))).toEqual({ code: 'CONFLICT', reason: 'no-attempts-left' });
    const done = await finishExam({ userId: bob.id, examId, locale: 'en' });
    // 2 points × the best credit over the three attempts (a wrong answer to a matrix still has
    // partial credit); a later, worse attempt does not lower it.
    expect(wrong.feedback!.credit).toBe(wrong.feedback!.score);
    expect(third.feedback!.credit).toBeCloseTo(third.feedback!.score * 0.5, 12);
    expect(done.status).toBe('SUBMITTED');
    expect(done.score).toBeCloseTo(2 * Math.max(wrong.feedback!.credit, 0.75, third.feedback!.credit), 12);
    expect(await refusal(submitExamAnswer(answerOpts(examId, bob, 'pooling', expected)))).toEqual({ code: 'CONFLICT', reason: 'exam-ended' });
    // Exam answers update mastery like homework.
    const mastery = await getDb().skillMastery.findUniqueOrThrow({ where: { userId_typeId: { userId: bob.id, typeId: 'pooling' } } });
    expect(mastery).toMatchObject({ attempts: 3, correct: 1 });
  });

  it('submits automatically at the deadline by the server clock: later answers are refused and the score counts what came before', async () => {
    const examId = await createExam({ timeLimitMinutes: 20 });
    const start = new Date();
    await startExam({ userId: carol.id, examId, locale: 'en', now: start });
    const deadline = new Date(start.getTime() + 20 * MINUTE);
    const pooling = expectedFor(examId, 'pooling', carol);
    await submitExamAnswer(answerOpts(examId, carol, 'pooling', pooling, new Date(deadline.getTime() - 1)));
    expect(await refusal(submitExamAnswer(answerOpts(examId, carol, 'affine-backward', expectedFor(examId, 'affine-backward', carol), deadline)))).toEqual({ code: 'CONFLICT', reason: 'time-up' });
    const session = await getDb().examSession.findFirstOrThrow({ where: { examId, userId: carol.id } });
    expect(session).toMatchObject({ endReason: 'TIMED_OUT', score: 2 });
    expect(session.endedAt!.toISOString()).toBe(deadline.toISOString());
    expect(await getDb().examAttempt.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it('closes an expired exam on the next read, with no request at the deadline', async () => {
    const examId = await createExam({ timeLimitMinutes: 5 });
    const start = new Date();
    await startExam({ userId: alice.id, examId, locale: 'en', now: start });
    const view = await getStudentExam({ userId: alice.id, examId, locale: 'en', now: new Date(start.getTime() + 6 * MINUTE) });
    expect(view.status).toBe('TIMED_OUT');
    expect(view.session).toMatchObject({ remainingMs: 0, endedAt: new Date(start.getTime() + 5 * MINUTE).toISOString() });
    expect(view.questions.every((q) => q.attemptsLeft === 0)).toBe(true);
    // Beginning again does not give a new timer.
    const again = await startExam({ userId: alice.id, examId, locale: 'en', now: new Date(start.getTime() + 7 * MINUTE) });
    expect(again.status).toBe('TIMED_OUT');
  });

  it('extends one student’s time, also after they timed out, and not anyone else’s', async () => {
    const examId = await createExam({ timeLimitMinutes: 10 });
    const start = new Date();
    await Promise.all([alice, bob].map((user) => startExam({ userId: user.id, examId, locale: 'en', now: start })));
    const at12 = new Date(start.getTime() + 12 * MINUTE);
    expect((await getStudentExam({ userId: alice.id, examId, locale: 'en', now: at12 })).status).toBe('TIMED_OUT');

    const set = await api<{ extraMinutes: number }>(teacherCookie, `/api/course/exams/${examId}/extensions`, { method: 'PUT', body: { userId: alice.id, extraMinutes: 15 } });
    expect(set.status).toBe(200);
    const extended = await getStudentExam({ userId: alice.id, examId, locale: 'en', now: at12 });
    expect(extended).toMatchObject({ status: 'IN_PROGRESS', extraMinutes: 15 });
    expect(extended.session!.deadline).toBe(new Date(start.getTime() + 25 * MINUTE).toISOString());
    const late = await submitExamAnswer(answerOpts(examId, alice, 'pooling', expectedFor(examId, 'pooling', alice), new Date(start.getTime() + 24 * MINUTE)));
    expect(late.attemptNumber).toBe(1);
    expect((await getStudentExam({ userId: bob.id, examId, locale: 'en', now: at12 })).status).toBe('TIMED_OUT');
    expect(await refusal(submitExamAnswer(answerOpts(examId, alice, 'affine-backward', [], new Date(start.getTime() + 25 * MINUTE))))).toEqual({ code: 'CONFLICT', reason: 'time-up' });

    const notInClass = await api(teacherCookie, `/api/course/exams/${examId}/extensions`, { method: 'PUT', body: { userId: teacher.id, extraMinutes: 5 } });
    expect(notInClass.status).toBe(404);
    await setExamExtension({ actorId: teacher.id, examId, userId: bob.id, extraMinutes: 0, locale: 'en' });
  });

  it('sends nothing of the expected answers before release, and scores, feedback and solutions after it', async () => {
    const examId = await createExam({ maxAttempts: 2, types: ['affine-backward', 'softmax-ce-grad', 'pooling'] });
    const started = await api<TStudentExam>(aliceCookie, `/api/course/exams/${examId}/start`, { body: { honourCode: true } });
    expect(started.status).toBe(200);
    const payloads: unknown[] = [started.body];
    const sent: unknown[] = [];
    for (const question of started.body.questions) {
      const expected = expectedFor(examId, question.typeId, alice);
      const wrong = question.answer.kind === 'choice' ? wrongAnswer(question.answer, expected) : everyCellWrong(expected);
      sent.push(wrong);
      const answered = await api<TExamAnswerResult>(aliceCookie, `/api/course/exams/${examId}/answers`, { body: { typeId: question.typeId, answer: wrong, clientSubmissionId: crypto.randomUUID() } });
      expect(answered.status).toBe(200);
      expect(answered.body.feedback).toBeNull();
      payloads.push(answered.body);
    }
    const reloaded = await api<TStudentExam>(aliceCookie, `/api/course/exams/${examId}`);
    payloads.push(reloaded.body);
    const submitted = await api<TStudentExam>(aliceCookie, `/api/course/exams/${examId}/submit`, { method: 'POST' });
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', score: null });
    payloads.push(submitted.body);
    for (const view of [reloaded.body, submitted.body]) {
      for (const question of view.questions) expect(question).toMatchObject({ lastFeedback: null, earned: null, solution: null });
    }
    // Deep scan: no expected value appears unless what the student may see (their variant, their
    // own answer, labels) holds it. (Max pooling's answers are cells of its input, so only the
    // other types have distinctive values to look for.)
    let checked = 0;
    for (const question of started.body.questions) {
      const expected = numbersIn(expectedFor(examId, question.typeId, alice));
      // What the student sees anyway (every question's givens — another question's input can hold the same number — and the answers sent).
      const allowed = numbersIn([started.body.questions, sent, started.body.exam, started.body.session]);
      // Round values (quarters: 0, 0.5, 2…) also name credit factors and counts, so only the others are distinctive.
      // (A float result can sit a hair off its round value: 6.9999999 is 7.)
      const isRound = (value: number) => Math.abs(value * 4 - Math.round(value * 4)) < 1e-6;
      const distinctive = expected.filter((value) => !isRound(value) && !allowed.some((other) => isSameNumber(other, value)));
      if (distinctive.length > 0) checked += 1;
      // Expected values are finite; a long digit string in a text can read as Infinity, which "equals" nothing.
      // Timestamps ("…T11:07:23.123Z") are not answers: their digits would read as 7 and 23.123.
      for (const payload of payloads) expect(numbersIn(withoutTimestamps(payload)).filter((value) => Number.isFinite(value) && distinctive.some((d) => isSameNumber(d, value))), question.typeId).toEqual([]);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    // Another student (not begun) sees no questions at all.
    const other = await api<TStudentExam>(bobCookie, `/api/course/exams/${examId}`);
    expect(other.body.questions).toEqual([]);

    const release = await api(teacherCookie, `/api/course/exams/${examId}/release`, { method: 'POST' });
    expect(release.status).toBe(200);
    const after = await api<TStudentExam>(aliceCookie, `/api/course/exams/${examId}`);
    // Each question: points × the credit of its one (wrong, maybe partly right) attempt.
    expect(after.body.score).toBeCloseTo(after.body.questions.reduce((sum, q) => sum + q.points * (q.lastFeedback?.credit ?? NaN), 0), 12);
    for (const question of after.body.questions) {
      expect(question.lastFeedback).toMatchObject({ correct: false });
      expect(question.earned).toBe(question.lastFeedback!.credit);
      expect(question.solution!.length).toBeGreaterThan(0);
    }
    const results = await api<{ counts: Record<string, number>; questions: { typeId: string; students: number; firstTryRight: number }[] }>(teacherCookie, `/api/course/exams/${examId}/results`);
    expect(results.status).toBe(200);
    expect(results.body.counts).toMatchObject({ SUBMITTED: 1, NOT_STARTED: 2 });
    expect(results.body.questions.every((q) => q.students === 1 && q.firstTryRight === 0)).toBe(true);
    const hidden = await api(aliceCookie, `/api/course/exams/${examId}/results`);
    expect(hidden.status).toBe(404);
  });

  it('freezes questions and limits once a student began, but still lets the window move', async () => {
    const created = await api<{ id: string }>(teacherCookie, `/api/course/classes/${classId}/exams`, {
      body: { title: 'Quiz', opensAt: '2026-01-01T00:00', closesAt: '2036-01-01T00:00', timeLimitMinutes: 15, maxAttempts: 1, creditDecayPct: 0, feedback: 'IMMEDIATE', questions: [{ typeId: 'pooling', points: 1 }], isPublished: true },
    });
    const examId = created.body.id;
    await startExam({ userId: bob.id, examId, locale: 'en' });
    const base = { title: 'Quiz', opensAt: '2026-01-01T00:00', closesAt: '2036-01-01T00:00', timeLimitMinutes: 15, maxAttempts: 1, creditDecayPct: 0, feedback: 'IMMEDIATE', questions: [{ typeId: 'pooling', points: 1 }], isPublished: true };
    const changed = await api<{ error: { reason: string } }>(teacherCookie, `/api/course/exams/${examId}`, { method: 'PUT', body: { ...base, timeLimitMinutes: 30 } });
    expect(changed.status).toBe(409);
    expect(changed.body.error.reason).toBe('exam-started');
    const moved = await api(teacherCookie, `/api/course/exams/${examId}`, { method: 'PUT', body: { ...base, title: 'Quiz 1', closesAt: '2036-02-01T00:00' } });
    expect(moved.status).toBe(200);
  });
});
