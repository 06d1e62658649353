import { beforeAll, describe, expect, inject, it } from 'vitest';
import { io } from 'socket.io-client';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';

// Requests the server must refuse cleanly: a 4xx with a message, never a 500 — whatever junk is in
// an id or a text, in the body, the path or the query (issue #12).

const NUL = '\u0000';
const base = () => inject('baseUrl');
let teacher: TestUser;
let cookie: string;
let classId: string;

beforeAll(async () => {
  teacher = await createTestUser('Teacher');
  cookie = await signIn(teacher.email);
  ({ id: classId } = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }]));
});

async function expectRefused(response: Response, status = 400): Promise<string> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return text;
}

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify(body) });

describe('a NUL byte in an id or a text', () => {
  it('is a 400 with a message in JSON bodies', async () => {
    const session = await postJson('/api/live/sessions', { classId: `${classId}${NUL}`, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }] });
    expect(JSON.parse(await expectRefused(session)).error).toMatchObject({ code: 'BAD_REQUEST', reason: 'bad-request' });
    const challenge = await postJson('/api/training/challenges', { classId, title: `Spirals${NUL}`, model: 'mlp', task: 'spirals', maxParams: 500, maxSeconds: 30, closesAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(JSON.parse(await expectRefused(challenge)).error.message).toMatch(/title/);
  });

  it('is a 400 with a message in paths and queries of API routes', async () => {
    for (const path of [`/api/live/sessions/x%00y/results`, `/api/training/runs/x%00y`, `/api/training/challenges/x%00y`, `/api/training/compare?a=x%00y&b=abc`]) {
      const response = await fetch(`${base()}${path}`, { headers: { cookie } });
      const body = JSON.parse(await expectRefused(response));
      expect(body.error.message, path).toMatch(/invalid|control/i);
    }
  });

  it('is a 400 on pages, not an error page from a failed query', async () => {
    for (const path of ['/playground/compare?a=x%00y&b=abc', '/playground?fork=x%00y', '/playground?challenge=x%00y', '/playground/runs/x%00y']) {
      const response = await fetch(`${base()}${path}`, { headers: { cookie }, redirect: 'manual' });
      const text = await expectRefused(response);
      expect(text, path).toMatch(/control character/i);
    }
  });

  it('is a bad-request ack on a socket event', async () => {
    const socket = io(`${base()}${SOCKET_NAMESPACES.live}`, { transports: ['websocket'], extraHeaders: { cookie } });
    const ack = (await socket.timeout(10_000).emitWithAck('live:host:enter', { sessionId: `abc${NUL}` })) as { ok: boolean; error?: { reason: string } };
    expect(ack.ok ? 'ok' : ack.error?.reason).toBe('bad-request');
    socket.close();
  });
});

describe('names', () => {
  it('refuses invisible and direction-control characters in every name a person picks', async () => {
    const signUp = await fetch(`${base()}/api/account/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `rtl-${Date.now()}@test.local`, name: 'Ada\u202Eevil', password: 'long enough password' }),
    });
    expect(JSON.parse(await expectRefused(signUp)).error.fieldErrors).toHaveProperty('name');
    const klass = await postJson('/api/classes', { name: 'Deep\u200BLearning' });
    expect(JSON.parse(await expectRefused(klass)).error.fieldErrors).toHaveProperty('name');
    const title = await postJson('/api/training/challenges', { classId, title: 'Spirals\u2066', model: 'mlp', task: 'spirals', maxParams: 500, maxSeconds: 30, closesAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(JSON.parse(await expectRefused(title)).error.fieldErrors).toHaveProperty('title');
  });

  it('does not let "Student\\u200B 1" or a full-width "Ｓｔｕｄｅｎｔ １" pass the reserved-label rule', async () => {
    const put = (nickname: string) =>
      fetch(`${base()}/api/classes/${classId}/nickname`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ nickname }) });
    for (const nickname of ['Student\u200B 1', 'Ｓｔｕｄｅｎｔ １', '학생\u200D7']) {
      const body = JSON.parse(await expectRefused(await put(nickname)));
      expect(body.error.fieldErrors, nickname).toHaveProperty('nickname');
    }
    const fine = await put('Ｎｅｏ');
    expect(fine.status).toBe(200);
    expect(await fine.json()).toEqual({ nickname: 'Neo' });
  });
});

describe('content types and broken bodies', () => {
  it('answers 415 to a JSON route given text/plain (a cross-site form could send that)', async () => {
    const response = await fetch(`${base()}/api/classes`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie }, body: JSON.stringify({ name: 'Sneaky' }) });
    const body = JSON.parse(await expectRefused(response, 415));
    expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.error.text.ko).toBeTruthy();
  });

  it('answers 400, not 500, to a truncated JSON body on the next-auth credentials callback', async () => {
    const response = await fetch(`${base()}/api/auth/callback/credentials`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.c","pass' });
    const text = await expectRefused(response);
    expect(text).toMatch(/JSON/);
  });
});
