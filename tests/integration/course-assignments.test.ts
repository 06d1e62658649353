import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { solve } from '@/engine/exercises';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { api, submit } from './exercises-support';

// Assignments through the real API and database: dates in the class's time zone stored UTC, the
// deadline at the second, the late penalty, statuses, edits that re-evaluate, and the CSV.

let teacher: TestUser;
let alice: TestUser;
let bob: TestUser;
let classId = '';
let teacherCookie = '';
let aliceCookie = '';
let bobCookie = '';

interface Evaluation {
  status: string;
  score: number;
  onTimeScore: number;
  lateScore: number;
  isLate: boolean;
}
interface ClassAssignmentsJson {
  assignments: { id: string; title: string; dueAt: string; lateUntil: string | null }[];
  results: Record<string, Record<string, Evaluation>>;
}

const base = {
  unitIds: ['rnn-lstm'],
  items: [
    { typeId: 'rnn-step', target: 'SOLVE_COUNT', targetValue: 2 },
    { typeId: 'pooling', target: 'BEST_SCORE', targetValue: 0.8 },
  ],
  latePenaltyPct: 20,
  isPublished: true,
};

async function insertAttempt(user: TestUser, typeId: string, score: number, createdAt: Date) {
  await getDb().attempt.create({
    data: {
      userId: user.id,
      typeId,
      round: Math.floor(Math.random() * 1e6) + 1000,
      seed: 1n,
      answer: {},
      score,
      correct: score === 1,
      clientSubmissionId: crypto.randomUUID(),
      createdAt,
    },
  });
}

beforeAll(async () => {
  teacher = await createTestUser('Teacher');
  alice = await createTestUser('Alice');
  bob = await createTestUser('Bob');
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: alice, role: 'STUDENT' },
    { user: bob, role: 'STUDENT' },
  ]));
  [teacherCookie, aliceCookie, bobCookie] = await Promise.all([signIn(teacher.email), signIn(alice.email), signIn(bob.email)]);
});

describe('assignments', () => {
  let pastId = '';

  it('stores dates typed in the class time zone (Seoul) as UTC', async () => {
    const created = await api<{ id: string }>(teacherCookie, `/api/course/classes/${classId}/assignments`, {
      body: { ...base, title: 'Week 1', opensAt: '2026-03-02T09:00', dueAt: '2026-03-09T23:59:59', lateUntil: '2026-03-11T23:59:59' },
    });
    expect(created.status).toBe(201);
    pastId = created.body.id;
    const row = await getDb().assignment.findUniqueOrThrow({ where: { id: pastId }, include: { items: true } });
    expect(row.opensAt.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(row.dueAt.toISOString()).toBe('2026-03-09T14:59:59.000Z');
    expect(row.lateUntil?.toISOString()).toBe('2026-03-11T14:59:59.000Z');
    expect(row.items.map((item) => item.typeId).sort()).toEqual(['pooling', 'rnn-step']);
  });

  it('counts work at the due second as on time, a second later as late with the penalty', async () => {
    const due = new Date('2026-03-09T14:59:59.000Z');
    // Alice: both items met, the second rnn-step solve exactly at the due instant → done, 100 %.
    await insertAttempt(alice, 'pooling', 0.9, new Date('2026-03-05T00:00:00Z'));
    await insertAttempt(alice, 'rnn-step', 1, new Date('2026-03-05T00:00:00Z'));
    await insertAttempt(alice, 'rnn-step', 1, due);
    // Bob: the same, but his second solve is one second late → on time (0.5 + 1)/2 = 0.75,
    // with late work 1 × (1 − 0.2) = 0.8.
    await insertAttempt(bob, 'pooling', 0.9, new Date('2026-03-05T00:00:00Z'));
    await insertAttempt(bob, 'rnn-step', 1, new Date('2026-03-05T00:00:00Z'));
    await insertAttempt(bob, 'rnn-step', 1, new Date(due.getTime() + 1000));
    // Work after the late window and before opening never counts.
    await insertAttempt(bob, 'pooling', 1, new Date('2026-03-11T15:00:00Z'));
    await insertAttempt(bob, 'pooling', 1, new Date('2026-03-01T23:59:59Z'));

    const { status, body } = await api<ClassAssignmentsJson>(teacherCookie, `/api/course/classes/${classId}/assignments`);
    expect(status).toBe(200);
    expect(body.results[pastId][alice.id]).toMatchObject({ status: 'DONE', score: 1, isLate: false });
    const bobResult = body.results[pastId][bob.id];
    expect(bobResult).toMatchObject({ status: 'DONE_LATE', onTimeScore: 0.75, lateScore: 1, isLate: true });
    expect(bobResult.score).toBeCloseTo(0.8, 12);

    const csv = await fetch(`${inject('baseUrl')}/api/course/classes/${classId}/assignments.csv`, { headers: { cookie: `${teacherCookie}; bpl-locale=en` } });
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Name,Email,"Week 1 (score %, after late penalty)",Week 1 (status)');
    expect(lines).toContain(`Bob,${bob.email},80,Done late`);
    expect(lines).toContain(`Alice,${alice.email},100,Done`);
  });

  it('re-evaluates work already done when the instructor edits the window, and keeps attempts on delete', async () => {
    const edited = await api(teacherCookie, `/api/course/assignments/${pastId}`, {
      method: 'PUT',
      body: { ...base, title: 'Week 1', opensAt: '2026-03-02T09:00', dueAt: '2026-03-10T00:00:00', lateUntil: null },
    });
    expect(edited.status).toBe(200);
    const { body } = await api<ClassAssignmentsJson>(teacherCookie, `/api/course/classes/${classId}/assignments`);
    expect(body.results[pastId][bob.id]).toMatchObject({ status: 'DONE', score: 1 });

    const attemptsBefore = await getDb().attempt.count({ where: { userId: bob.id } });
    expect((await api(teacherCookie, `/api/course/assignments/${pastId}`, { method: 'DELETE' })).status).toBe(200);
    expect(await getDb().assignment.count({ where: { id: pastId } })).toBe(0);
    expect(await getDb().attempt.count({ where: { userId: bob.id } })).toBe(attemptsBefore);
  });

  it('counts exercise-page work toward an open assignment and shows it on the dashboard with time left', async () => {
    const now = Date.now();
    const local = (ms: number) => new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 19);
    const created = await api<{ id: string }>(teacherCookie, `/api/course/classes/${classId}/assignments`, {
      body: { ...base, title: 'Open now', items: [{ typeId: 'rnn-step', target: 'SOLVE_COUNT', targetValue: 1 }], opensAt: local(now - 3600_000), dueAt: local(now + 2 * 86_400_000), lateUntil: null },
    });
    expect(created.status).toBe(201);
    const draft = await api<{ id: string }>(teacherCookie, `/api/course/classes/${classId}/assignments`, {
      body: { ...base, title: 'Hidden draft', isPublished: false, opensAt: local(now - 3600_000), dueAt: local(now + 86_400_000), lateUntil: null },
    });
    expect(draft.status).toBe(201);

    const before = await api<{ assignments: { assignment: { id: string }; evaluation: Evaluation }[] }>(aliceCookie, '/api/course/assignments');
    expect(before.body.assignments.map((a) => a.assignment.id)).toEqual([created.body.id]);
    expect(before.body.assignments[0].evaluation.status).toBe('NOT_STARTED');

    const { round } = (await api<{ round: number }>(aliceCookie, '/api/exercises/rnn-step')).body;
    const answer = solve('rnn-step', seedForStudent(alice.id, 'rnn-step', round));
    expect((await submit(aliceCookie, 'rnn-step', { answer, round })).status).toBe(200);
    const after = await api<{ assignments: { evaluation: Evaluation }[] }>(aliceCookie, '/api/course/assignments');
    expect(after.body.assignments[0].evaluation).toMatchObject({ status: 'DONE', score: 1 });

    const dashboard = await fetch(`${inject('baseUrl')}/dashboard`, { headers: { cookie: `${aliceCookie}; bpl-locale=en` } });
    const html = await dashboard.text();
    expect(html.includes(`data-assignment="${created.body.id}"`), 'dashboard lists the assignment').toBe(true);
    expect(html.includes('Hidden draft'), 'drafts stay hidden').toBe(false);
    expect(/in 2 days|in 47 hours/.test(html), 'dashboard shows the time left').toBe(true);
    expect((await fetch(`${inject('baseUrl')}/assignments/${draft.body.id}`, { headers: { cookie: aliceCookie } })).status).toBe(404);
    expect((await fetch(`${inject('baseUrl')}/assignments/${created.body.id}`, { headers: { cookie: aliceCookie } })).status).toBe(200);
  });

  it('rejects bad input with a clear message in the user’s language and stores nothing', async () => {
    const count = await getDb().assignment.count({ where: { classId } });
    const reversed = await api<{ error: { message: string; fieldErrors: Record<string, string[]> } }>(teacherCookie, `/api/course/classes/${classId}/assignments`, {
      body: { ...base, title: 'Bad', opensAt: '2026-03-09T09:00', dueAt: '2026-03-02T09:00', lateUntil: null },
      locale: 'ko',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toBe('마감은 시작보다 뒤여야 합니다.');
    // The form checks the same schema before sending; a client that skips it is still refused, field by field.
    const empty = await api<{ error: { message: string; fieldErrors: Record<string, string[]> } }>(teacherCookie, `/api/course/classes/${classId}/assignments`, {
      body: { title: '', unitIds: [], items: [], opensAt: '', dueAt: '', lateUntil: null, latePenaltyPct: 10, isPublished: true },
      locale: 'ko',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('제목을 1~120자로 입력하세요.');
    expect(empty.body.error.fieldErrors).toEqual({
      title: ['제목을 1~120자로 입력하세요.'],
      items: ['연습문제를 하나 이상 고르세요.'],
      opensAt: ['날짜와 시간을 입력하세요.'],
      dueAt: ['날짜와 시간을 입력하세요.'],
    });
    const unknown = await api<{ error: { message: string } }>(teacherCookie, `/api/course/classes/${classId}/assignments`, {
      body: { ...base, title: 'Bad', items: [{ typeId: 'nope', target: 'SOLVE_COUNT', targetValue: 2 }], opensAt: '2026-03-02T09:00', dueAt: '2026-03-09T09:00', lateUntil: null },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Unknown exercise.');
    const malformed = await api(teacherCookie, `/api/course/classes/${classId}/assignments`, { rawBody: '{"title":' });
    expect(malformed.status).toBe(400);
    expect(await getDb().assignment.count({ where: { classId } })).toBe(count);
  });

  it('lets only the class’s instructors create, edit and see the columns', async () => {
    const body = { ...base, title: 'Nope', opensAt: '2026-03-02T09:00', dueAt: '2026-03-09T09:00', lateUntil: null };
    expect((await api(bobCookie, `/api/course/classes/${classId}/assignments`, { body })).status).toBe(403);
    expect((await api(bobCookie, `/api/course/classes/${classId}/assignments`)).status).toBe(403);
    const any = await getDb().assignment.findFirstOrThrow({ where: { classId } });
    expect((await api(bobCookie, `/api/course/assignments/${any.id}`, { method: 'PUT', body })).status).toBe(404);
    expect((await api(bobCookie, `/api/course/assignments/${any.id}`, { method: 'DELETE' })).status).toBe(404);
    const page = await fetch(`${inject('baseUrl')}/classes/${classId}/gradebook`, { headers: { cookie: `${teacherCookie}; bpl-locale=en` } });
    expect(page.status).toBe(200);
    expect((await page.text()).includes('data-assignment="'), 'gradebook has the assignment columns').toBe(true);
    expect((await fetch(`${inject('baseUrl')}/classes/${classId}/assignments`, { headers: { cookie: teacherCookie } })).status).toBe(200);
  });
});
