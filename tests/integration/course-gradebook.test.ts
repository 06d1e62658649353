import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import type { Gradebook } from '@/lib/gradebook/get-gradebook';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { api } from './exercises-support';

// Assignment and exam columns in the class gradebook (page, JSON and CSV), from data stored
// straight in the database: scores after the late penalty, on time or late; exam points once a
// student's exam has ended, including a session past its deadline that nobody has closed yet.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const now = Date.now();
let teacher: TestUser;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let classId = '';
let teacherCookie = '';
let assignmentId = '';
let draftId = '';
let examId = '';
let bobSessionId = '';

async function insertAttempt(user: TestUser, typeId: string, score: number, createdAt: Date) {
  await getDb().attempt.create({
    data: { userId: user.id, typeId, round: Math.floor(Math.random() * 1e6) + 1000, seed: 1n, answer: {}, score, correct: score === 1, clientSubmissionId: crypto.randomUUID(), createdAt },
  });
}

async function insertExamAttempt(sessionId: string, typeId: string, credit: number) {
  await getDb().examAttempt.create({
    data: { sessionId, typeId, attemptNumber: 1, seed: 1n, answer: {}, score: credit, credit, correct: credit === 1, clientSubmissionId: crypto.randomUUID(), createdAt: new Date(now - 40 * MINUTE) },
  });
}

beforeAll(async () => {
  [teacher, alice, bob, carol] = await Promise.all([createTestUser('Teacher'), createTestUser('Alice'), createTestUser('Bob'), createTestUser('Carol')]);
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: alice, role: 'STUDENT' },
    { user: bob, role: 'STUDENT' },
    { user: carol, role: 'STUDENT' },
  ]));
  teacherCookie = await signIn(teacher.email);
  const db = getDb();
  // Due five days ago, late work until yesterday with 20 % off; one variant of rnn-step solved.
  const window = { opensAt: new Date(now - 10 * DAY), dueAt: new Date(now - 5 * DAY), lateUntil: new Date(now - DAY), latePenaltyPct: 20 };
  const item = { items: { create: [{ position: 0, typeId: 'rnn-step', target: 'SOLVE_COUNT' as const, targetValue: 1 }] } };
  ({ id: assignmentId } = await db.assignment.create({ data: { classId, title: 'HW RNN', unitIds: [], ...window, publishedAt: new Date(now - 10 * DAY), ...item } }));
  ({ id: draftId } = await db.assignment.create({ data: { classId, title: 'Draft HW', unitIds: [], ...window, publishedAt: null, ...item } }));
  await insertAttempt(alice, 'rnn-step', 1, new Date(now - 6 * DAY)); // on time
  await insertAttempt(bob, 'rnn-step', 1, new Date(now - 3 * DAY)); // late

  // Exam: 30 minutes, rnn-step 2 points and pooling 3 points.
  ({ id: examId } = await db.exam.create({
    data: {
      classId, title: 'Midterm', opensAt: new Date(now - 2 * 60 * MINUTE), closesAt: new Date(now + DAY), timeLimitMinutes: 30, publishedAt: new Date(now - DAY),
      questions: { create: [{ typeId: 'rnn-step', position: 0, points: 2 }, { typeId: 'pooling', position: 1, points: 3 }] },
    },
  }));
  // Alice handed in (score stored at the close); Bob began 45 minutes ago and never came back.
  await db.examSession.create({ data: { examId, userId: alice.id, startedAt: new Date(now - 60 * MINUTE), honourAcceptedAt: new Date(now - 60 * MINUTE), endedAt: new Date(now - 40 * MINUTE), endReason: 'SUBMITTED', score: 3.5 } });
  ({ id: bobSessionId } = await db.examSession.create({ data: { examId, userId: bob.id, startedAt: new Date(now - 45 * MINUTE), honourAcceptedAt: new Date(now - 45 * MINUTE) } }));
  await insertExamAttempt(bobSessionId, 'rnn-step', 1);
  await insertExamAttempt(bobSessionId, 'pooling', 0.25);
});

/** One CSV record's fields (no line breaks inside fields in this fixture; some titles hold commas). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, field]) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field));
}

describe('gradebook: assignment and exam columns', () => {
  it('gives each published assignment and exam a column with every student’s grade', async () => {
    const { status, body } = await api<Gradebook>(teacherCookie, `/api/classes/${classId}/gradebook`);
    expect(status).toBe(200);
    expect(body.assignments.map((a) => a.id)).toEqual([assignmentId]);
    expect(body.assignments.some((a) => a.id === draftId), 'a draft is no column').toBe(false);
    expect(body.exams).toEqual([expect.objectContaining({ id: examId, title: 'Midterm', totalPoints: 5 })]);
    const rowOf = (user: TestUser) => body.rows.find((row) => row.userId === user.id)!;
    expect(rowOf(alice).course.assignments[assignmentId]).toEqual({ score: 1, isLate: false, status: 'DONE' });
    expect(rowOf(bob).course.assignments[assignmentId]).toEqual({ score: 0.8, isLate: true, status: 'DONE_LATE' });
    expect(rowOf(carol).course.assignments[assignmentId]).toEqual({ score: 0, isLate: false, status: 'MISSED' });
    expect(rowOf(alice).course.exams[examId]).toEqual({ status: 'SUBMITTED', score: 3.5 });
    // Past its deadline (15 minutes ago), not yet closed: 2 · 1 + 3 · 0.25, the score its close stores.
    expect(rowOf(bob).course.exams[examId]).toEqual({ status: 'TIMED_OUT', score: 2.75 });
    expect(rowOf(carol).course.exams[examId]).toEqual({ status: 'NOT_STARTED', score: null });
    const session = await getDb().examSession.findUniqueOrThrow({ where: { id: bobSessionId } });
    expect(session.endedAt, 'reading the gradebook writes nothing').toBeNull();
  });

  it('exports the same grades in the CSV: score after the late penalty, on time or late, status, exam points', async () => {
    const response = await fetch(`${inject('baseUrl')}/api/classes/${classId}/gradebook.csv`, { headers: { cookie: `${teacherCookie}; bpl-locale=en` } });
    expect(response.status).toBe(200);
    const lines = (await response.text()).slice(1).split('\r\n').filter(Boolean).map(csvFields);
    const header = lines[0];
    const column = (title: string) => {
      const index = header.indexOf(title);
      expect(index, title).toBeGreaterThan(-1);
      return index;
    };
    const cellsOf = (user: TestUser) => {
      const line = lines.find((fields) => fields[1] === user.email)!;
      return [
        line[column('HW RNN (assignment % after late penalty)')],
        line[column('HW RNN (on time/late)')],
        line[column('HW RNN (status)')],
        line[column('Midterm (exam points /5)')],
        line[column('Midterm (status)')],
      ];
    };
    expect(header.some((title) => title.startsWith('Draft HW'))).toBe(false);
    expect(cellsOf(alice)).toEqual(['100', 'on time', 'Done', '3.5', 'Submitted']);
    expect(cellsOf(bob)).toEqual(['80', 'late', 'Done late', '2.8', 'Timed out (submitted automatically)']);
    expect(cellsOf(carol)).toEqual(['0', '', 'Missed', '', 'Not started']);
  });

  it('shows the columns on the gradebook page, sortable, with the late mark and the exam status', async () => {
    const response = await fetch(`${inject('baseUrl')}/classes/${classId}/gradebook`, { headers: { cookie: `${teacherCookie}; bpl-locale=en` } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Assignment: HW RNN (%)');
    expect(html).toContain('Exam: Midterm (/5)');
    expect(html).toMatch(new RegExp(`data-assignment="${assignmentId}" data-status="DONE_LATE"[^>]*>80%<span class="muted"> \\((<!-- -->)?late(<!-- -->)?\\)</span>`));
    expect(html).toMatch(new RegExp(`data-assignment="${assignmentId}" data-status="DONE"[^>]*>100%</td>`));
    expect(html).toMatch(new RegExp(`data-exam="${examId}" data-status="TIMED_OUT"[^>]*>2\\.8<`));
    expect(html).toMatch(new RegExp(`data-exam="${examId}" data-status="NOT_STARTED"[^>]*><span class="muted">Not started</span>`));
    expect(html).not.toContain('Draft HW');
  });
});

describe('gradebook page: sorted and paged on the server', () => {
  const pageOf = async (query: string) => {
    const response = await fetch(`${inject('baseUrl')}/classes/${classId}/gradebook${query}`, { headers: { cookie: `${teacherCookie}; bpl-locale=en` } });
    const html = await response.text();
    // The students in the order of the table's rows (each row links to the student's record).
    const order = [...html.matchAll(new RegExp(`href="/classes/${classId}/students/([A-Za-z0-9_-]+)"`, 'g'))].map(([, userId]) => userId);
    return { status: response.status, html, order };
  };
  /** The order the JSON says a column should give: the figure (missing lowest) in the direction, ties by name. */
  const expectedOrder = async (figure: (row: Gradebook['rows'][number]) => number | null | undefined, isAscending: boolean) => {
    const { body } = await api<Gradebook>(teacherCookie, `/api/classes/${classId}/gradebook`);
    const value = (row: Gradebook['rows'][number]) => figure(row) ?? -Infinity;
    return [...body.rows]
      .sort((a, b) => (isAscending ? value(a) - value(b) : value(b) - value(a)) || a.name.localeCompare(b.name, 'en'))
      .map((row) => row.userId);
  };

  it('sorts by an assignment column, highest first by default, and by an exam column lowest first on request', async () => {
    const byAssignment = await pageOf(`?sort=assignment:${assignmentId}`);
    expect(byAssignment.status).toBe(200);
    expect(byAssignment.order).toEqual(await expectedOrder((row) => row.course.assignments[assignmentId]?.score, false));
    expect(byAssignment.html).toMatch(/<th scope="col"[^>]*aria-sort="descending"[^>]*><a[^>]*>Assignment: HW RNN/);
    const byExam = await pageOf(`?sort=exam:${examId}&dir=asc`);
    expect(byExam.order).toEqual(await expectedOrder((row) => row.course.exams[examId]?.score, true));
    expect(byExam.html).toMatch(/<th scope="col"[^>]*aria-sort="ascending"[^>]*><a[^>]*>Exam: Midterm/);
  });

  it.each([
    '?sort=bogus&dir=desc',
    '?sort=assignment:&dir=desc',
    '?sort=exam:a%20b&page=abc',
    '?sort=total&sort=name&page=-1',
    `?page=999`,
  ])('answers %s with the default view (200, names A→Z), not an error', async (query) => {
    const { status, order } = await pageOf(query);
    expect(status).toBe(200);
    expect(order).toEqual(await expectedOrder(() => 0, true));
  });

  it('answers a sort by a draft assignment (no gradebook column) with the default view', async () => {
    const { status, order } = await pageOf(`?sort=assignment:${draftId}&dir=desc`);
    expect(status).toBe(200);
    expect(order).toEqual(await expectedOrder(() => 0, true));
  });

  it('has no pager for a class of one page', async () => {
    const { html } = await pageOf('');
    expect(html).not.toContain('data-testid="gradebook-pager"');
  });
});
