import { describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { joinClass } from '@/lib/classes/join-class';
import { createTestUser, signIn, type TestUser } from '../support/auth';

// Classes through the real API: create, join, rotate, remove, co-instructors, nicknames, and roles
// that differ from one class to the next.

interface Json {
  [key: string]: unknown;
}

async function api(cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const errorOf = (response: { body: Json }) => response.body.error as { code: string; message: string; fieldErrors?: Record<string, string[]> };

async function signedIn(name: string): Promise<TestUser & { cookie: string }> {
  const user = await createTestUser(name);
  return { ...user, cookie: await signIn(user.email) };
}

async function newClass(owner: { cookie: string }, name = 'Deep Learning 101'): Promise<{ id: string; joinCode: string }> {
  const response = await api(owner.cookie, 'POST', '/api/classes', { name });
  expect(response.status).toBe(201);
  return response.body.class as { id: string; joinCode: string };
}

const memberships = (classId: string) => getDb().membership.findMany({ where: { classId }, select: { userId: true, role: true } });

describe('creating and joining a class', () => {
  it('makes the creator its instructor and hands out a 6-character code from the unambiguous alphabet', async () => {
    const teacher = await signedIn('Teacher');
    const created = await newClass(teacher, '  딥러닝 1분반  ');
    expect(created.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(await memberships(created.id)).toEqual([{ userId: teacher.id, role: 'INSTRUCTOR' }]);
    const view = await api(teacher.cookie, 'GET', `/api/classes/${created.id}`);
    expect(view.body).toMatchObject({ name: '딥러닝 1분반', role: 'INSTRUCTOR', joinCode: created.joinCode });
  });

  it('refuses an empty or overlong class name and creates nothing', async () => {
    const teacher = await signedIn('Teacher');
    for (const name of ['   ', 'ㄱ'.repeat(101)]) {
      const response = await api(teacher.cookie, 'POST', '/api/classes', { name });
      expect(response.status).toBe(400);
      expect(errorOf(response).fieldErrors).toHaveProperty('name');
    }
    expect(await getDb().membership.count({ where: { userId: teacher.id } })).toBe(0);
  });

  it('lets a student join with the code typed in lower case with spaces, as a student, and joining again changes nothing', async () => {
    const teacher = await signedIn('Teacher');
    const student = await signedIn('Student');
    const created = await newClass(teacher);
    const typed = ` ${created.joinCode.slice(0, 3).toLowerCase()}-${created.joinCode.slice(3).toLowerCase()} `;
    const first = await api(student.cookie, 'POST', '/api/classes/join', { code: typed });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ found: true, classId: created.id, name: 'Deep Learning 101', role: 'STUDENT', alreadyMember: false });
    const again = await api(student.cookie, 'POST', '/api/classes/join', { code: created.joinCode });
    expect(again.body).toMatchObject({ found: true, classId: created.id, role: 'STUDENT', alreadyMember: true });
    expect(await getDb().membership.count({ where: { classId: created.id, userId: student.id } })).toBe(1);
  });

  it('joins once when two join requests arrive together (double click)', async () => {
    const teacher = await signedIn('Teacher');
    const student = await signedIn('Student');
    const created = await newClass(teacher);
    const results = await Promise.all([1, 2, 3].map(() => api(student.cookie, 'POST', '/api/classes/join', { code: created.joinCode })));
    expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
    expect(results.map((result) => result.body.found)).toEqual([true, true, true]);
    expect(await getDb().membership.count({ where: { classId: created.id, userId: student.id } })).toBe(1);
  });

  it('keeps an instructor who types their own code an instructor', async () => {
    const teacher = await signedIn('Teacher');
    const created = await newClass(teacher);
    const response = await api(teacher.cookie, 'POST', '/api/classes/join', { code: created.joinCode });
    expect(response.body).toMatchObject({ found: true, role: 'INSTRUCTOR', alreadyMember: true });
  });

  it('answers a wrong code with a 200 { found: false } and its sentence in ko + en, and a malformed one with 400, joining nothing', async () => {
    const student = await signedIn('Student');
    // A typing mistake, not a failed request: no 404 for the browser to log.
    const wrong = await api(student.cookie, 'POST', '/api/classes/join', { code: 'ZZZZZZ' });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual({
      found: false,
      reason: 'class-not-found',
      text: { ko: expect.stringContaining('이 코드의 수업이 없습니다'), en: expect.stringMatching(/^No class has this join code/) },
    });
    for (const code of ['AB', 'ABCDEFGHJ', 'AB!CDE', 42]) {
      expect((await api(student.cookie, 'POST', '/api/classes/join', { code })).status).toBe(400);
    }
    expect(await getDb().membership.count({ where: { userId: student.id } })).toBe(0);
  });

  it('limits join attempts per user, so codes cannot be guessed by brute force', async () => {
    const guesser = await createTestUser('Guesser');
    let refusal: unknown;
    for (let i = 0; i < 25 && !refusal; i++) {
      await joinClass({ userId: guesser.id, code: `QQ${String(i).padStart(4, '2')}` }).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'RATE_LIMITED') refusal = error;
      });
    }
    expect(isAppError(refusal) && refusal.message).toMatch(/Try again in \d+ s/);
  });

  it('counts wrong codes over HTTP against the same limit: 20 answers of found: false, then 429 for wrong and right codes alike', async () => {
    const teacher = await signedIn('Teacher');
    const guesser = await signedIn('Guesser');
    const created = await newClass(teacher);
    for (let i = 0; i < 20; i++) {
      const wrong = await api(guesser.cookie, 'POST', '/api/classes/join', { code: `QQ${String(i).padStart(4, '2')}` });
      expect([wrong.status, wrong.body.found]).toEqual([200, false]);
    }
    const limitedWrong = await api(guesser.cookie, 'POST', '/api/classes/join', { code: 'QQ9999' });
    const limitedReal = await api(guesser.cookie, 'POST', '/api/classes/join', { code: created.joinCode });
    for (const limited of [limitedWrong, limitedReal]) {
      expect(limited.status).toBe(429);
      expect(errorOf(limited).code).toBe('RATE_LIMITED');
    }
    expect(await getDb().membership.count({ where: { userId: guesser.id } })).toBe(0);
  });
});

describe('managing a class', () => {
  it('rotates the code: the old code stops working and the new one works', async () => {
    const teacher = await signedIn('Teacher');
    const late = await signedIn('Late student');
    const created = await newClass(teacher);
    const rotated = await api(teacher.cookie, 'POST', `/api/classes/${created.id}/join-code`);
    const newCode = (rotated.body as { joinCode: string }).joinCode;
    expect(newCode).not.toBe(created.joinCode);
    const old = await api(late.cookie, 'POST', '/api/classes/join', { code: created.joinCode });
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ found: false, reason: 'class-not-found' });
    const fresh = await api(late.cookie, 'POST', '/api/classes/join', { code: newCode });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ found: true, classId: created.id });
  });

  it('removes a student, who then gets 403 on the class, while their attempts stay', async () => {
    const teacher = await signedIn('Teacher');
    const student = await signedIn('Student');
    const created = await newClass(teacher);
    await api(student.cookie, 'POST', '/api/classes/join', { code: created.joinCode });
    await getDb().attempt.create({
      data: { userId: student.id, typeId: 'perceptron-step', round: 0, seed: 1n, answer: {}, score: 1, correct: true, clientSubmissionId: 'kept-attempt-1' },
    });
    expect((await api(teacher.cookie, 'DELETE', `/api/classes/${created.id}/members/${student.id}`)).status).toBe(200);
    expect((await api(student.cookie, 'GET', `/api/classes/${created.id}`)).status).toBe(403);
    expect(await getDb().attempt.count({ where: { userId: student.id } })).toBe(1);
    const gone = await api(teacher.cookie, 'DELETE', `/api/classes/${created.id}/members/${student.id}`);
    expect(gone.status).toBe(404);
  });

  it('lets a student leave but not remove a classmate', async () => {
    const teacher = await signedIn('Teacher');
    const [a, b] = [await signedIn('A'), await signedIn('B')];
    const created = await newClass(teacher);
    for (const student of [a, b]) await api(student.cookie, 'POST', '/api/classes/join', { code: created.joinCode });
    expect((await api(a.cookie, 'DELETE', `/api/classes/${created.id}/members/${b.id}`)).status).toBe(403);
    expect((await api(a.cookie, 'DELETE', `/api/classes/${created.id}/members/${a.id}`)).status).toBe(200);
    expect((await memberships(created.id)).map((m) => m.userId).sort()).toEqual([teacher.id, b.id].sort());
  });

  it('never removes the last instructor, even when two instructors remove each other at once', async () => {
    const teacher = await signedIn('Teacher');
    const created = await newClass(teacher);
    const alone = await api(teacher.cookie, 'DELETE', `/api/classes/${created.id}/members/${teacher.id}`);
    expect(alone.status).toBe(409);
    expect(errorOf(alone).message).toMatch(/at least one instructor/);

    const colleague = await signedIn('Colleague');
    expect((await api(teacher.cookie, 'POST', `/api/classes/${created.id}/instructors`, { email: colleague.email.toUpperCase() })).status).toBe(200);
    const [first, second] = await Promise.all([
      api(teacher.cookie, 'DELETE', `/api/classes/${created.id}/members/${colleague.id}`),
      api(colleague.cookie, 'DELETE', `/api/classes/${created.id}/members/${teacher.id}`),
    ]);
    // The class row lock runs them one after the other: the second actor is no longer a member (403).
    expect([first.status, second.status].sort()).toEqual([200, 403]);
    const instructors = (await memberships(created.id)).filter((m) => m.role === 'INSTRUCTOR');
    expect(instructors).toHaveLength(1);
  });

  it('adds a co-instructor by email, promotes a student, and says so clearly for unknown or existing instructors', async () => {
    const teacher = await signedIn('Teacher');
    const student = await signedIn('Student TA');
    const created = await newClass(teacher);
    await api(student.cookie, 'POST', '/api/classes/join', { code: created.joinCode });
    const promoted = await api(teacher.cookie, 'POST', `/api/classes/${created.id}/instructors`, { email: student.email });
    expect(promoted.body).toMatchObject({ userId: student.id, wasStudent: true });
    expect((await api(student.cookie, 'GET', `/api/classes/${created.id}/gradebook`)).status).toBe(200);
    const again = await api(teacher.cookie, 'POST', `/api/classes/${created.id}/instructors`, { email: student.email });
    expect(again.status).toBe(409);
    const unknown = await api(teacher.cookie, 'POST', `/api/classes/${created.id}/instructors`, { email: 'nobody-here@test.local' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).message).toMatch(/sign up first/);
    expect((await api(teacher.cookie, 'POST', `/api/classes/${created.id}/instructors`, { email: 'not an email' })).status).toBe(400);
  });

  it('shows students neither the join code nor classmates’ emails', async () => {
    const teacher = await signedIn('Teacher');
    const [a, b] = [await signedIn('A'), await signedIn('B')];
    const created = await newClass(teacher);
    for (const student of [a, b]) await api(student.cookie, 'POST', '/api/classes/join', { code: created.joinCode });
    const view = await api(a.cookie, 'GET', `/api/classes/${created.id}`);
    expect(view.body).toMatchObject({ role: 'STUDENT', studentCount: 2, instructorNames: ['Teacher'] });
    const text = JSON.stringify(view.body);
    expect(text).not.toContain(created.joinCode);
    expect(text).not.toContain(b.email);
    expect(text).not.toContain(b.id);
  });
});

describe('roles are per class', () => {
  it('lets one person teach one class and study in another, with each class’s powers only', async () => {
    const person = await signedIn('Both');
    const otherTeacher = await signedIn('Other teacher');
    const taught = await newClass(person, 'Taught by me');
    const taken = await newClass(otherTeacher, 'Taken by me');
    await api(person.cookie, 'POST', '/api/classes/join', { code: taken.joinCode });

    const mine = (await api(person.cookie, 'GET', '/api/classes')).body.classes as { id: string; role: string }[];
    expect(Object.fromEntries(mine.map((found) => [found.id, found.role]))).toEqual({ [taught.id]: 'INSTRUCTOR', [taken.id]: 'STUDENT' });
    expect((await api(person.cookie, 'GET', `/api/classes/${taught.id}/gradebook`)).status).toBe(200);
    expect((await api(person.cookie, 'GET', `/api/classes/${taken.id}/gradebook`)).status).toBe(403);
    expect((await api(person.cookie, 'POST', `/api/classes/${taken.id}/join-code`)).status).toBe(403);
  });
});

describe('nicknames and settings', () => {
  it('sets, clears and refuses taken or reserved nicknames; only instructors change settings', async () => {
    const teacher = await signedIn('Teacher');
    const [a, b] = [await signedIn('A'), await signedIn('B')];
    const created = await newClass(teacher);
    for (const student of [a, b]) await api(student.cookie, 'POST', '/api/classes/join', { code: created.joinCode });

    expect((await api(a.cookie, 'PUT', `/api/classes/${created.id}/nickname`, { nickname: '  Neo ' })).body).toEqual({ nickname: 'Neo' });
    const taken = await api(b.cookie, 'PUT', `/api/classes/${created.id}/nickname`, { nickname: 'neo' });
    expect(taken.status).toBe(409);
    expect((await api(b.cookie, 'PUT', `/api/classes/${created.id}/nickname`, { nickname: '학생 3' })).status).toBe(400);
    expect((await api(b.cookie, 'PUT', `/api/classes/${created.id}/nickname`, { nickname: 'x'.repeat(31) })).status).toBe(400);
    expect((await api(a.cookie, 'PUT', `/api/classes/${created.id}/nickname`, { nickname: '' })).body).toEqual({ nickname: null });

    expect((await api(a.cookie, 'PATCH', `/api/classes/${created.id}`, { showNicknames: true })).status).toBe(403);
    expect((await api(teacher.cookie, 'PATCH', `/api/classes/${created.id}`, {})).status).toBe(400);
    const renamed = await api(teacher.cookie, 'PATCH', `/api/classes/${created.id}`, { name: '새 이름', showNicknames: true });
    expect(renamed.body).toEqual({ name: '새 이름', showNicknames: true, timeZone: 'Asia/Seoul' });
  });

  it('sets the class time zone (canonical spelling, instructors only, unknown zones refused) and assignments are typed in it', async () => {
    const teacher = await signedIn('Teacher');
    const student = await signedIn('Student');
    const created = await newClass(teacher);
    await api(student.cookie, 'POST', '/api/classes/join', { code: created.joinCode });

    expect((await api(student.cookie, 'PATCH', `/api/classes/${created.id}`, { timeZone: 'Europe/Berlin' })).status).toBe(403);
    const unknown = await api(teacher.cookie, 'PATCH', `/api/classes/${created.id}`, { timeZone: 'Mars/Olympus_Mons' });
    expect(unknown.status).toBe(400);
    expect((await api(teacher.cookie, 'PATCH', `/api/classes/${created.id}`, { timeZone: '' })).status).toBe(400);
    const set = await api(teacher.cookie, 'PATCH', `/api/classes/${created.id}`, { timeZone: 'europe/berlin' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect((await getDb().class.findUniqueOrThrow({ where: { id: created.id } })).timeZone).toBe('Europe/Berlin');

    // 09:00 in Berlin in July (CEST, UTC+2) is 07:00 UTC; 23:59 in January (CET, UTC+1) is 22:59 UTC.
    const assignment = await api(teacher.cookie, 'POST', `/api/course/classes/${created.id}/assignments`, {
      title: 'Berlin week', unitIds: [], items: [{ typeId: 'sigmoid-derivative', target: 'SOLVE_COUNT', targetValue: 1 }],
      opensAt: '2026-07-01T09:00', dueAt: '2027-01-10T23:59', lateUntil: null, latePenaltyPct: 0, isPublished: true,
    });
    expect(assignment.status).toBe(201);
    const stored = await getDb().assignment.findUniqueOrThrow({ where: { id: String(assignment.body.id) } });
    expect(stored.opensAt.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(stored.dueAt.toISOString()).toBe('2027-01-10T22:59:00.000Z');
  });
});
