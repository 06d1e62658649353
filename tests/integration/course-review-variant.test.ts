import { beforeAll, describe, expect, it, inject } from 'vitest';
import { generate, solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';
import type { TStudentVariant } from '@/lib/exercises/schemas';
import { createTestUser, signIn, type TestUser } from '../support/auth';
import { api, submit, wrongAnswer } from './exercises-support';

// "Review now" serves a variant the student has never been shown: the round after the current one
// (keyed seed of that round), both when the current round is a fresh one the exercise page already
// showed after the last right answer and when it is a round in progress; the review answer on it is
// graded, reschedules the card, and afterwards the skill is served like any other.

const TYPE = 'pooling';
let student: TestUser;
let cookie = '';

const variant = (query = '') => api<TStudentVariant>(cookie, `/api/exercises/${TYPE}${query}`);
const givenOf = (round: number) => generate(TYPE, seedForStudent(student.id, TYPE, round)).given;
const rightFor = (round: number) => solve(TYPE, seedForStudent(student.id, TYPE, round));
const wrongFor = (round: number) => wrongAnswer(generate(TYPE, seedForStudent(student.id, TYPE, round)).answer, rightFor(round));

async function makeDue() {
  await getDb().reviewCard.update({ where: { userId_typeId: { userId: student.id, typeId: TYPE } }, data: { due: new Date(Date.now() - 60_000) } });
}

beforeAll(async () => {
  student = await createTestUser('Reviewer');
  cookie = await signIn(student.email);
});

describe('review serves a fresh variant', () => {
  it('skips the variant shown after the last right answer, grades the review on a new one, then serves as usual', async () => {
    expect((await submit(cookie, TYPE, { answer: rightFor(0), round: 0 })).status).toBe(200);
    // Round 0 is solved: the exercise page now shows round 1.
    const shown = await variant();
    expect(shown.body).toMatchObject({ round: 1, given: givenOf(1) });

    // Not due yet: "review" is the current variant, and a next-round answer is refused.
    expect((await variant('?review=1')).body).toMatchObject({ round: 1, given: givenOf(1) });
    expect((await submit(cookie, TYPE, { answer: rightFor(2), round: 2 })).status).toBe(409);

    await makeDue();
    const review = await variant('?review=1');
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ round: 2, given: givenOf(2), attemptsUsed: 0, hints: [], lastAttempt: null });
    expect(JSON.stringify(review.body.given)).not.toBe(JSON.stringify(shown.body.given));
    expect((await variant('?review=1')).body.given, 'the same fresh variant on a reload').toEqual(givenOf(2));
    expect((await variant()).body.round, 'the plain exercise page is unchanged').toBe(1);

    const before = await getDb().reviewCard.findUniqueOrThrow({ where: { userId_typeId: { userId: student.id, typeId: TYPE } } });
    const answered = await submit(cookie, TYPE, { answer: rightFor(2), round: 2 });
    expect(answered.status).toBe(200);
    const stored = await getDb().attempt.findFirstOrThrow({ where: { userId: student.id, typeId: TYPE }, orderBy: { createdAt: 'desc' } });
    expect(stored).toMatchObject({ round: 2, seed: BigInt(seedForStudent(student.id, TYPE, 2)), correct: true });
    const after = await getDb().reviewCard.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.reps).toBe(before.reps + 1);
    expect(after.due.getTime()).toBeGreaterThan(Date.now());
    // No longer due: "review" serves the current variant, a fresh round after the solved review.
    expect((await variant('?review=1')).body).toMatchObject({ round: 3, given: givenOf(3) });
  });

  it('skips a round in progress (the last variant seen) and leaves the review round open for the tries that follow', async () => {
    expect((await submit(cookie, TYPE, { answer: wrongFor(3), round: 3 })).status).toBe(200);
    await makeDue();
    const review = await variant('?review=1');
    expect(review.body).toMatchObject({ round: 4, given: givenOf(4), attemptsUsed: 0 });
    expect((await submit(cookie, TYPE, { answer: wrongFor(4), round: 4 })).status).toBe(200);
    // The review was the wrong answer (rescheduled); the round goes on with its second try.
    expect((await variant('?review=1')).body).toMatchObject({ round: 4, given: givenOf(4), attemptsUsed: 1 });
    expect((await variant()).body).toMatchObject({ round: 4, attemptsUsed: 1 });
  });

  it('links "Review now" to the fresh variant', async () => {
    await makeDue();
    const response = await fetch(`${inject('baseUrl')}/review`, { headers: { cookie: `${cookie}; bpl-locale=en` } });
    expect(await response.text()).toContain(`href="/exercises/${TYPE}?review=1"`);
  });
});
