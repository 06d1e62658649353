import crypto from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import { createTestUser, signIn } from '../support/auth';

const base = () => inject('baseUrl');

async function addAttempt(userId: string, typeId: string, score: number, correct: boolean) {
  await getDb().attempt.create({
    data: { userId, typeId, round: 1, seed: BigInt(12345), answer: { value: score }, score, correct, clientSubmissionId: crypto.randomUUID() },
  });
}

describe('unit progress API', () => {
  it('refuses anonymous reads and writes with 401 and a clear message', async () => {
    const read = await fetch(`${base()}/api/units/backprop/read`, { method: 'POST' });
    expect(read.status).toBe(401);
    expect((await read.json()).error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('sign in') });
    const progress = await fetch(`${base()}/api/units/backprop/progress`);
    expect(progress.status).toBe(401);
  });

  it('marks a unit read once, keeps the first time on repeated and simultaneous clicks, and stores one row', async () => {
    const user = await createTestUser('Reader');
    const cookie = await signIn(user.email);
    const before = await (await fetch(`${base()}/api/units/backprop/progress`, { headers: { cookie } })).json();
    expect(before).toMatchObject({ unitId: 'backprop', isRead: false, readAt: null, solvedCount: 0 });

    const responses = await Promise.all(Array.from({ length: 5 }, () => fetch(`${base()}/api/units/backprop/read`, { method: 'POST', headers: { cookie } })));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(new Set(bodies.map((body) => body.readAt)).size).toBe(1);
    expect(bodies[0]).toMatchObject({ unitId: 'backprop', isRead: true });

    const again = await (await fetch(`${base()}/api/units/backprop/read`, { method: 'POST', headers: { cookie } })).json();
    expect(again.readAt).toBe(bodies[0].readAt);
    const rows = await getDb().unitProgress.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.unitId)).toEqual(['backprop']);
    expect(rows[0].readAt.toISOString()).toBe(bodies[0].readAt);

    const after = await (await fetch(`${base()}/api/units/backprop/progress`, { headers: { cookie } })).json();
    expect(after).toMatchObject({ isRead: true, readAt: bodies[0].readAt });
  });

  it('reports best score, attempt count and solved per exercise from the student’s own attempts only', async () => {
    const student = await createTestUser('Student');
    const other = await createTestUser('Other');
    await addAttempt(student.id, 'comp-graph', 0.5, false);
    await addAttempt(student.id, 'comp-graph', 1, true);
    await addAttempt(student.id, 'comp-graph', 0.75, false);
    await addAttempt(student.id, 'affine-backward', 0.25, false);
    await addAttempt(other.id, 'softmax-ce-grad', 1, true);
    await addAttempt(student.id, 'perceptron-step', 1, true); // another unit's exercise

    const cookie = await signIn(student.email);
    const response = await fetch(`${base()}/api/units/backprop/progress`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const progress = await response.json();
    expect(progress.exercises).toEqual([
      { typeId: 'comp-graph', attempts: 3, bestScore: 1, isSolved: true },
      { typeId: 'affine-backward', attempts: 1, bestScore: 0.25, isSolved: false },
      { typeId: 'softmax-ce-grad', attempts: 0, bestScore: null, isSolved: false },
    ]);
    expect(progress.solvedCount).toBe(1);
  });

  it('answers 404 for a unit that does not exist and 400 for a malformed id', async () => {
    const user = await createTestUser();
    const cookie = await signIn(user.email);
    const missing = await fetch(`${base()}/api/units/no-such-unit/read`, { method: 'POST', headers: { cookie } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain('no-such-unit');
    const malformed = await fetch(`${base()}/api/units/Bad%20Id!/progress`, { headers: { cookie } });
    expect(malformed.status).toBe(400);
    expect(await getDb().unitProgress.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('unit pages', () => {
  it('serve an anonymous visitor the whole unit with typeset math and a sign-in note instead of progress', async () => {
    const response = await fetch(`${base()}/units/cnn`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Convolutional Neural Networks</h1>');
    expect(html).toContain('class="katex"');
    expect(html).toContain('Sign in to save your progress');
    expect(html).toContain('data-figure="conv-stepper"');
    expect(html).toContain('href="/exercises/conv2d-output"');
    expect(html).not.toContain('data-testid="unit-progress"');
  });

  it('show a signed-in student their read state and best scores on the unit and on the index', async () => {
    const student = await createTestUser('Progress');
    await addAttempt(student.id, 'perceptron-step', 0.5, false);
    await addAttempt(student.id, 'perceptron-step', 1, true);
    const cookie = await signIn(student.email);
    await fetch(`${base()}/api/units/perceptron/read`, { method: 'POST', headers: { cookie } });

    // Test accounts are stored with the default locale (ko); the language cookie picks English.
    const english = { cookie: `${cookie}; bpl-locale=en` };
    // React separates adjacent text nodes with <!-- --> in server HTML; read the text without them.
    const html = (await (await fetch(`${base()}/units/perceptron`, { headers: english })).text()).replaceAll('<!-- -->', '');
    expect(html).toContain('data-testid="unit-progress"');
    expect(html).toContain('1 of 3 exercises solved');
    expect(html).toContain('Best score 100% · Attempts 2');
    expect(html).toContain('You marked this unit as read on');

    const index = (await (await fetch(`${base()}/units`, { headers: english })).text()).replaceAll('<!-- -->', '');
    expect(index).toContain('✓ Read');
    expect(index).toContain('1 of 3 exercises solved');
  });

  it('use the account’s stored language when the browser has no language cookie', async () => {
    const user = await createTestUser('English speaker');
    await getDb().user.update({ where: { id: user.id }, data: { locale: 'en' } });
    const cookie = await signIn(user.email);
    const html = await (await fetch(`${base()}/units/attention`, { headers: { cookie, 'accept-language': 'ko-KR,ko;q=0.9' } })).text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Attention and the Transformer</h1>');
    const withCookie = await (await fetch(`${base()}/units/attention`, { headers: { cookie: `${cookie}; bpl-locale=ko` } })).text();
    expect(withCookie).toContain('어텐션과 트랜스포머</h1>');
  });

  it('answer an unknown unit with a 404 page', async () => {
    const response = await fetch(`${base()}/units/no-such-unit`, { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('There is no such unit');
  });
});
