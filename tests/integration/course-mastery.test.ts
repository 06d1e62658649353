import crypto from 'node:crypto';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { generate, solve } from '@/engine/exercises';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';
import { getDb } from '@/lib/db';
import { readLearnerState } from '@/lib/course/record-graded-attempt';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { api, submit, wrongAnswer } from './exercises-support';

// Mastery (BKT) and the review queue (FSRS), driven through the real submit API and checked
// against values computed by hand (BKT) and by ts-fsrs itself (the schedule).

const TYPE = 'rnn-step';
const DAY = 24 * 3600 * 1000;
let teacher: TestUser;
let student: TestUser;
let other: TestUser;
let classId = '';
let teacherCookie = '';
let studentCookie = '';

function wrong(userId: string, round: number) {
  const seed = seedForStudent(userId, TYPE, round);
  return wrongAnswer(generate(TYPE, seed).answer, solve(TYPE, seed));
}
const right = (userId: string, round: number) => solve(TYPE, seedForStudent(userId, TYPE, round));

async function page(cookie: string, path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${inject('baseUrl')}${path}`, { headers: { cookie: `${cookie}; bpl-locale=en` }, redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  teacher = await createTestUser('Teacher');
  student = await createTestUser('Mina');
  other = await createTestUser('Outsider');
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: student, role: 'STUDENT' },
  ]));
  [teacherCookie, studentCookie] = await Promise.all([signIn(teacher.email), signIn(student.email)]);
});

describe('mastery per skill', () => {
  it('updates P(known) after each graded attempt to the hand-computed BKT values', async () => {
    expect((await submit(studentCookie, TYPE, { answer: wrong(student.id, 0), round: 0 })).status).toBe(200);
    const afterWrong = await getDb().skillMastery.findUniqueOrThrow({ where: { userId_typeId: { userId: student.id, typeId: TYPE } } });
    // 0.1·0.1 / (0.1·0.1 + 0.9·0.8) = 1/73, then + (72/73)·0.1 = 8.2/73
    expect(afterWrong.pKnown).toBeCloseTo(8.2 / 73, 12);
    expect(afterWrong).toMatchObject({ attempts: 1, correct: 0 });

    expect((await submit(studentCookie, TYPE, { answer: right(student.id, 0), round: 0 })).status).toBe(200);
    const afterRight = await getDb().skillMastery.findUniqueOrThrow({ where: { userId_typeId: { userId: student.id, typeId: TYPE } } });
    // (8.2/73·0.9) / (8.2/73·0.9 + 64.8/73·0.2) = 7.38/20.34, then + (1 − ·)·0.1
    const posterior = 7.38 / 20.34;
    expect(afterRight.pKnown).toBeCloseTo(posterior + (1 - posterior) * 0.1, 12);
    expect(afterRight).toMatchObject({ attempts: 2, correct: 1 });

    const mine = await api<{ skills: { typeId: string; level: string; attempts: number }[] }>(studentCookie, '/api/course/mastery');
    expect(mine.body.skills).toEqual([expect.objectContaining({ typeId: TYPE, level: 'ATTEMPTED', attempts: 2 })]);
  });

  it('does not count a replayed submission twice', async () => {
    const clientSubmissionId = crypto.randomUUID();
    const body = { answer: wrong(student.id, 1), round: 1, clientSubmissionId };
    expect((await submit(studentCookie, TYPE, body)).status).toBe(200);
    expect((await submit(studentCookie, TYPE, body)).status).toBe(200);
    const row = await getDb().skillMastery.findUniqueOrThrow({ where: { userId_typeId: { userId: student.id, typeId: TYPE } } });
    expect(row.attempts).toBe(3);
  });

  it('shows the level on the dashboard and on the unit page of the skill', async () => {
    const dashboard = await page(studentCookie, '/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.html.includes('Mastery by skill'), 'dashboard has the mastery section').toBe(true);
    expect(new RegExp(`data-skill="${TYPE}"[^<]*<a[^>]*>[^<]*</a><span[^>]*data-level="ATTEMPTED"`).test(dashboard.html), 'dashboard shows Attempted for the skill').toBe(true);
    const unitId = (await import('@/engine/exercises')).exerciseTypes.find((type) => type.id === TYPE)?.unit;
    const unit = await page(studentCookie, `/units/${unitId}`);
    expect(unit.status).toBe(200);
    expect(unit.html.includes('data-testid="unit-mastery"'), 'unit page has the mastery card').toBe(true);
    expect(new RegExp(`data-skill="${TYPE}"[^<]*<a[^>]*>[^<]*</a><span[^>]*data-level="ATTEMPTED"`).test(unit.html), 'unit page shows Attempted for the skill').toBe(true);
  });

  it('gives the instructor a students × skills heatmap and a misconception table with trends', async () => {
    const now = Date.now();
    const mistakes = [
      { daysAgo: 1, mistake: 'sign-error' },
      { daysAgo: 2, mistake: 'sign-error' },
      { daysAgo: 10, mistake: 'sign-error' },
      { daysAgo: 3, mistake: 'forgot-bias' },
    ];
    await getDb().attempt.createMany({
      data: mistakes.map((planned, index) => ({
        userId: student.id,
        typeId: 'perceptron-step',
        round: 50 + index,
        seed: 1n,
        answer: { value: index },
        score: 0,
        correct: false,
        mistake: planned.mistake,
        clientSubmissionId: crypto.randomUUID(),
        createdAt: new Date(now - planned.daysAgo * DAY),
      })),
    });
    const { status, body } = await api<{
      skills: { typeId: string; levelCounts: Record<string, number> }[];
      rows: { userId: string; cells: { level: string }[] }[];
      misconceptions: { mistakeId: string; typeId: string; students: number; attempts: number; lastWeek: number; weekBefore: number }[];
    }>(teacherCookie, `/api/course/classes/${classId}/mastery`);
    expect(status).toBe(200);
    expect(body.rows.map((row) => row.userId)).toEqual([student.id]);
    const column = body.skills.findIndex((skill) => skill.typeId === TYPE);
    expect(body.rows[0].cells[column].level).toBe('ATTEMPTED');
    expect(body.skills[column].levelCounts).toMatchObject({ ATTEMPTED: 1, NOT_STARTED: 0 });
    expect(body.skills.filter((skill) => skill.typeId !== TYPE).every((skill) => skill.levelCounts.NOT_STARTED === 1)).toBe(true);
    const signError = body.misconceptions.find((row) => row.mistakeId === 'sign-error' && row.typeId === 'perceptron-step');
    expect(signError).toMatchObject({ students: 1, attempts: 3, lastWeek: 2, weekBefore: 1 });
    expect(body.misconceptions.find((row) => row.mistakeId === 'forgot-bias')).toMatchObject({ students: 1, attempts: 1, lastWeek: 1, weekBefore: 0 });

    const html = await page(teacherCookie, `/classes/${classId}/mastery`);
    expect(html.status).toBe(200);
    expect(html.html.includes('data-testid="heatmap"'), 'heatmap rendered').toBe(true);
    expect(html.html.includes('data-mistake="sign-error"'), 'misconception row rendered').toBe(true);
  });

  it('keeps the heatmap from students and strangers', async () => {
    expect((await api(studentCookie, `/api/course/classes/${classId}/mastery`)).status).toBe(403);
    expect((await api(await signIn(other.email), `/api/course/classes/${classId}/mastery`)).status).toBe(403);
    expect((await api('', `/api/course/classes/${classId}/mastery`)).status).toBe(401);
    expect((await page(studentCookie, `/classes/${classId}/mastery`)).status).toBe(404);
  });
});

describe('spaced review', () => {
  it('puts a solved skill in the queue with the schedule ts-fsrs gives, and a due review reschedules it', async () => {
    const library = fsrs({ enable_fuzz: false });
    const firstRight = await getDb().attempt.findFirstOrThrow({ where: { userId: student.id, typeId: TYPE, correct: true }, orderBy: { createdAt: 'asc' } });
    const stored = await getDb().reviewCard.findUniqueOrThrow({ where: { userId_typeId: { userId: student.id, typeId: TYPE } } });
    const expected = library.next(createEmptyCard(firstRight.createdAt), firstRight.createdAt, Rating.Good).card;
    expect(stored).toMatchObject({ due: expected.due, stability: expected.stability, difficulty: expected.difficulty, reps: 1, state: expected.state });

    // Three days pass: move the card's dates back, as the clock would have.
    const shifted = { due: new Date(stored.due.getTime() - 3 * DAY), lastReview: new Date((stored.lastReview ?? stored.due).getTime() - 3 * DAY) };
    await getDb().reviewCard.update({ where: { id: stored.id }, data: shifted });
    const queue = await api<{ dueNow: { typeId: string }[]; dueTodayCount: number }>(studentCookie, '/api/course/reviews');
    expect(queue.body.dueNow.map((review) => review.typeId)).toEqual([TYPE]);
    expect(queue.body.dueTodayCount).toBe(1);
    const dashboard = await page(studentCookie, '/dashboard');
    expect(dashboard.html.includes('Reviews due today: 1'), 'dashboard says 1 review due today').toBe(true);
    const reviewPage = await page(studentCookie, '/review');
    expect(reviewPage.html.includes(`data-skill="${TYPE}"`), 'review page lists the skill').toBe(true);

    // Round 1 still has the wrong attempt of the replay test: finish it with the right answer.
    expect((await submit(studentCookie, TYPE, { answer: right(student.id, 1), round: 1 })).status).toBe(200);
    const review = await getDb().attempt.findFirstOrThrow({ where: { userId: student.id, typeId: TYPE, correct: true }, orderBy: { createdAt: 'desc' } });
    const before = { ...stored, ...shifted };
    const card = library.next(
      { due: before.due, stability: before.stability, difficulty: before.difficulty, elapsed_days: before.elapsedDays, scheduled_days: before.scheduledDays, learning_steps: before.learningSteps, reps: before.reps, lapses: before.lapses, state: before.state, last_review: before.lastReview },
      review.createdAt,
      Rating.Good,
    ).card;
    const after = await getDb().reviewCard.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after).toMatchObject({ due: card.due, stability: card.stability, difficulty: card.difficulty, reps: 2, state: card.state });
    expect(after.due.getTime()).toBeGreaterThan(review.createdAt.getTime());
    const later = await api<{ dueNow: unknown[] }>(studentCookie, '/api/course/reviews');
    expect(later.body.dueNow).toEqual([]);
    // The review was also a graded attempt for mastery.
    expect((await getDb().skillMastery.findUniqueOrThrow({ where: { userId_typeId: { userId: student.id, typeId: TYPE } } })).attempts).toBe(4);
  });

  it('does not reschedule a card that is not due yet', async () => {
    const before = await getDb().reviewCard.findUniqueOrThrow({ where: { userId_typeId: { userId: student.id, typeId: TYPE } } });
    expect((await submit(studentCookie, TYPE, { answer: right(student.id, 2), round: 2 })).status).toBe(200);
    const after = await getDb().reviewCard.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toEqual(before);
  });

  it('reads mastery and the review card in one query exactly as stored, and neither for a skill never tried', async () => {
    const db = getDb();
    const key = { userId_typeId: { userId: student.id, typeId: TYPE } };
    const { id: _mastery, userId: _u, typeId: _t, ...mastery } = await db.skillMastery.findUniqueOrThrow({ where: key });
    const { id: _card, userId: _u2, typeId: _t2, ...card } = await db.reviewCard.findUniqueOrThrow({ where: key });
    const state = await readLearnerState(db, { userId: student.id, typeId: TYPE });
    expect(state).toEqual({ mastery, card });
    expect(state.mastery?.lastAttemptAt).toBeInstanceOf(Date);
    expect(state.card?.due).toBeInstanceOf(Date);
    expect(typeof state.card?.stability).toBe('number');
    expect(await readLearnerState(db, { userId: other.id, typeId: TYPE })).toEqual({ mastery: null, card: null });
  });
});
