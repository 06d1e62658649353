import { describe, expect, it, inject } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { getDb } from '@/lib/db';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { createTestUser, signIn, TEST_PASSWORD } from '../support/auth';

// Signing out, "sign out everywhere" and a password change end session tokens on the server: a
// copy of the cookie taken before stops working, for pages, the API and sockets alike.

const baseUrl = () => inject('baseUrl');

async function classesStatus(cookie: string): Promise<number> {
  return (await fetch(`${baseUrl()}/api/classes`, { headers: { cookie } })).status;
}

async function sessionBody(cookie: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie } })).json()) as Record<string, unknown>;
}

/** Signs out the way the browser's signOut() does (next-auth's CSRF token, then POST /api/auth/signout). */
async function signOut(sessionCookie: string): Promise<void> {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { cookie: sessionCookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = [sessionCookie, ...csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0])].join('; ');
  const response = await fetch(`${baseUrl()}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    body: new URLSearchParams({ csrfToken, callbackUrl: '/', json: 'true' }),
  });
  expect(response.status).toBeLessThan(400);
}

function post(path: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A socket on the live namespace with the cookie; resolves once the server said hello. */
function connect(cookie: string): Promise<{ socket: Socket; authenticated: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = io(`${baseUrl()}${SOCKET_NAMESPACES.live}`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    socket.once('hello', (payload: { authenticated: boolean }) => resolve({ socket, authenticated: payload.authenticated }));
    socket.once('connect_error', reject);
  });
}

function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    if (socket.disconnected) resolve('already disconnected');
    socket.once('disconnect', (reason) => resolve(reason));
  });
}

describe('session revocation', () => {
  it('signing out ends the token on the server: a copy taken before gets 401, other sessions stay signed in', async () => {
    const user = await createTestUser();
    const copied = await signIn(user.email);
    const other = await signIn(user.email);
    expect(await classesStatus(copied)).toBe(200);
    const { socket, authenticated } = await connect(copied);
    expect(authenticated).toBe(true);
    const closed = disconnected(socket);

    await signOut(copied);

    expect(await classesStatus(copied)).toBe(401);
    expect(await sessionBody(copied)).toEqual({});
    expect(await closed).toBe('io server disconnect');
    const again = await connect(copied);
    expect(again.authenticated).toBe(false);
    again.socket.close();
    // Signing out on one device is not signing out everywhere.
    expect(await classesStatus(other)).toBe(200);
    const page = await fetch(`${baseUrl()}/account`, { headers: { cookie: copied }, redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toContain('/signin');
  });

  it('"sign out everywhere" ends every session of the user, closes their sockets, and a new sign-in works', async () => {
    const user = await createTestUser();
    const [laptop, phone] = [await signIn(user.email), await signIn(user.email)];
    const bystander = await createTestUser();
    const bystanderCookie = await signIn(bystander.email);
    const { socket } = await connect(phone);
    const closed = disconnected(socket);

    const response = await post('/api/account/sign-out-everywhere', laptop);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().some((cookie) => /^next-auth\.session-token=;/.test(cookie))).toBe(true);

    expect(await classesStatus(laptop)).toBe(401);
    expect(await classesStatus(phone)).toBe(401);
    expect(await closed).toBe('io server disconnect');
    expect(await classesStatus(bystanderCookie)).toBe(200);
    expect(await classesStatus(await signIn(user.email))).toBe(200);
    expect((await post('/api/account/sign-out-everywhere', laptop)).status).toBe(401);
  });

  it('a password change keeps the session that made it, ends every other one, and the old password stops working', async () => {
    const user = await createTestUser();
    const [here, elsewhere] = [await signIn(user.email), await signIn(user.email)];
    const { socket } = await connect(elsewhere);
    const closed = disconnected(socket);

    const wrong = await post('/api/account/password', here, { currentPassword: 'not my password', newPassword: 'a brand new password' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({ reason: 'wrong-password', text: { ko: '현재 비밀번호가 맞지 않습니다.' } });
    expect(await classesStatus(elsewhere)).toBe(200);

    const short = await post('/api/account/password', here, { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect((await short.json()).error.fieldErrors).toHaveProperty('newPassword');

    const response = await post('/api/account/password', here, { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' });
    expect(response.status).toBe(200);
    const reissued = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).find((pair) => pair.startsWith('next-auth.session-token='));
    expect(reissued).toBeDefined();

    expect(await classesStatus(reissued!)).toBe(200);
    expect(await classesStatus(here)).toBe(401);
    expect(await classesStatus(elsewhere)).toBe(401);
    expect(await closed).toBe('io server disconnect');
    await expect(signIn(user.email, TEST_PASSWORD)).rejects.toThrow(/sign-in failed/);
    expect(await classesStatus(await signIn(user.email, 'a brand new password'))).toBe(200);
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    expect(stored.sessionVersion).toBe(1);
  });

  it('refuses the account routes without a session and from a foreign origin', async () => {
    expect((await post('/api/account/sign-out-everywhere', '')).status).toBe(401);
    expect((await post('/api/account/password', '', { currentPassword: 'x', newPassword: 'long enough pw' })).status).toBe(401);
    const user = await createTestUser();
    const cookie = await signIn(user.email);
    const foreign = await fetch(`${baseUrl()}/api/account/sign-out-everywhere`, { method: 'POST', headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await classesStatus(cookie)).toBe(200);
  });
});
