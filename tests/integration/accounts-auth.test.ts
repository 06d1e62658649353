import crypto from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { encode } from 'next-auth/jwt';
import { getDb } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { createTestUser, signIn, TEST_PASSWORD } from '../support/auth';
import { randomPort, startAppServer } from '../../scripts/support/app-server';

// Sign-up, sign-in and sessions against the real server. Each test that counts against a rate
// limit uses its own x-forwarded-for address, so tests do not share budgets.

const baseUrl = () => inject('baseUrl');
const address = () => `203.0.113.${crypto.randomInt(1, 255)}-${crypto.randomBytes(3).toString('hex')}`;
const email = (label = 'signup') => `${label}-${crypto.randomBytes(5).toString('hex')}@test.local`;

async function postSignUp(body: unknown, ip = address(), raw?: string) {
  const response = await fetch(`${baseUrl()}/api/account/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: raw ?? JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** One credentials sign-in as the browser's signIn() does it; returns the error next-auth reports, or null. */
async function signInError(userEmail: string, password: string, ip: string): Promise<string | null> {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { 'x-forwarded-for': ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': ip,
      cookie: csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; '),
    },
    body: new URLSearchParams({ csrfToken, email: userEmail, password, json: 'true' }),
  });
  const location = response.headers.get('location') ?? ((await response.json()) as { url?: string }).url ?? '';
  return new URL(location, baseUrl()).searchParams.get('error');
}

describe('sign-up', () => {
  it('creates an account with an argon2 hash, trims the name, lower-cases the email, and the new account can sign in', async () => {
    const address = email('New.Person');
    const response = await postSignUp({ email: `  ${address.toUpperCase()} `, name: '  김 학생  ', password: 'a long enough password', locale: 'ko' });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email: address.toLowerCase(), name: '김 학생' });
    const stored = await getDb().user.findUniqueOrThrow({ where: { email: address.toLowerCase() } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, 'a long enough password')).toBe(true);
    const cookie = await signIn(address.toLowerCase(), 'a long enough password');
    const session = await (await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie } })).json();
    expect(session.user.id).toBe(stored.id);
  });

  it('refuses bad input with a field error and writes nothing', async () => {
    const before = await getDb().user.count();
    const cases: { body: Record<string, unknown>; field: string }[] = [
      { body: { email: 'not-an-email', name: 'A', password: 'long enough pw' }, field: 'email' },
      { body: { email: `${'a'.repeat(250)}@x.io`, name: 'A', password: 'long enough pw' }, field: 'email' },
      { body: { email: email(), name: 'ㄱ'.repeat(81), password: 'long enough pw' }, field: 'name' },
      { body: { email: email(), name: '   ', password: 'long enough pw' }, field: 'name' },
      { body: { email: email(), name: 'Bell\u0007', password: 'long enough pw' }, field: 'name' },
      { body: { email: email(), name: 'A', password: 'short' }, field: 'password' },
      { body: { email: email(), name: 'A', password: 'p'.repeat(201) }, field: 'password' },
      { body: { email: email(), name: 'A', password: 'long enough pw', locale: 'fr' }, field: 'locale' },
    ];
    for (const { body, field } of cases) {
      const response = await postSignUp(body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.code).toBe('BAD_REQUEST');
      expect(Object.keys(response.body.error.fieldErrors)).toContain(field);
    }
    expect(await getDb().user.count()).toBe(before);
  });

  it('answers malformed JSON with 400 and a 10 MB body with 413, before any work', async () => {
    const malformed = await postSignUp(null, address(), '{"email": "x@y.z", ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/);
    const huge = await postSignUp(null, address(), JSON.stringify({ email: email(), name: 'A', password: 'x'.repeat(10 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/too large/);
  });

  it('says an email is taken (in any letter case) with 409 and keeps the first account unchanged', async () => {
    const existing = await createTestUser('First');
    const response = await postSignUp({ email: existing.email.toUpperCase(), name: 'Second', password: 'another password' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/already exists/);
    const stored = await getDb().user.findUniqueOrThrow({ where: { email: existing.email } });
    expect(stored.name).toBe('First');
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it('creates one account when the same sign-up is sent twice at once (double click)', async () => {
    const address = email('double');
    const body = { email: address, name: 'Double', password: 'double click pw' };
    const [first, second] = await Promise.all([postSignUp(body), postSignUp(body)]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect(await getDb().user.count({ where: { email: address } })).toBe(1);
  });

  it('limits sign-ups per address to 30 per 10 minutes with "Try again in N s"', async () => {
    const ip = address();
    // Malformed bodies count too (the limit is checked first), so the budget is spent cheaply.
    for (let i = 0; i < 30; i++) expect((await postSignUp({}, ip)).status).toBe(400);
    const limited = await postSignUp({ email: email(), name: 'Late', password: 'long enough pw' }, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/^Too many attempts\. Try again in \d+ s\.$/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(limited.body.error.retryAfterSeconds).toBe(retryAfter);
    expect((await postSignUp({ email: email(), name: 'Elsewhere', password: 'long enough pw' })).status).toBe(201);
  });
});

describe('sign-in', () => {
  it('gives the same generic answer for a wrong password and for an unknown email', async () => {
    const user = await createTestUser();
    expect(await signInError(user.email, 'wrong password', address())).toBe('CredentialsSignin');
    expect(await signInError(email('nobody'), 'wrong password', address())).toBe('CredentialsSignin');
    expect(await signInError(user.email, TEST_PASSWORD, address())).toBeNull();
  });

  it('after five failures from one address refuses even the right password with "Try again in N s", for unknown emails alike', async () => {
    const user = await createTestUser();
    const ip = address();
    for (let i = 0; i < 5; i++) expect(await signInError(user.email, `wrong ${i}`, ip)).toBe('CredentialsSignin');
    expect(await signInError(user.email, TEST_PASSWORD, ip)).toMatch(/^Too many attempts\. Try again in \d+ s\.$/);
    // Another address still gets in: the tight budget is per email and address.
    expect(await signInError(user.email, TEST_PASSWORD, address())).toBeNull();
    const ghost = email('ghost');
    for (let i = 0; i < 5; i++) await signInError(ghost, 'x', ip);
    expect(await signInError(ghost, 'x', ip)).toMatch(/Try again in \d+ s/);
  });

  it('caps guesses per email across addresses (forged x-forwarded-for does not help)', async () => {
    const user = await createTestUser();
    for (let i = 0; i < 20; i++) expect(await signInError(user.email, `guess ${i}`, address())).toBe('CredentialsSignin');
    expect(await signInError(user.email, TEST_PASSWORD, address())).toMatch(/Try again in \d+ s/);
  });

  it('resets the count after a successful sign-in', async () => {
    const user = await createTestUser();
    const ip = address();
    for (let i = 0; i < 4; i++) await signInError(user.email, 'wrong', ip);
    expect(await signInError(user.email, TEST_PASSWORD, ip)).toBeNull();
    for (let i = 0; i < 4; i++) expect(await signInError(user.email, 'wrong', ip)).toBe('CredentialsSignin');
    expect(await signInError(user.email, TEST_PASSWORD, ip)).toBeNull();
  });
});

describe('sessions', () => {
  const classesWith = (cookie: string, url = baseUrl()) => fetch(`${url}/api/classes`, { headers: { cookie } });

  it('treats an expired, a tampered and a deleted account’s cookie as signed out with a clear 401', async () => {
    const user = await createTestUser();
    const expired = await encode({ token: { sub: user.id, email: user.email }, secret: inject('authSecret'), maxAge: -3600 });
    const response = await classesWith(`next-auth.session-token=${expired}`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe('Please sign in (your session may have expired).');

    const cookie = await signIn(user.email);
    expect((await classesWith(cookie)).status).toBe(200);
    // Flip a character in the middle of the ciphertext: the token's last base64url character can
    // carry unused bits, so changing it does not always change the token.
    const tampered = tamperMiddle(cookie);
    expect((await classesWith(tampered)).status).toBe(401);

    await getDb().user.delete({ where: { id: user.id } });
    expect((await classesWith(cookie)).status).toBe(401);
  });

  it('sends the sign-in page to pages that need an account, and back afterwards', async () => {
    const response = await fetch(`${baseUrl()}/classes`, { redirect: 'manual' });
    expect([307, 308]).toContain(response.status);
    expect(response.headers.get('location')).toContain('/signin?callbackUrl=%2Fclasses');
  });

  it('survives a server restart: a cookie from before the restart still works after it', async () => {
    const user = await createTestUser('Restart');
    const port = randomPort();
    const options = { databaseUrl: inject('databaseUrl'), port, authSecret: inject('authSecret') };
    let server = await startAppServer(options);
    try {
      const cookie = await signIn(user.email, TEST_PASSWORD, server.baseUrl);
      expect((await classesWith(cookie, server.baseUrl)).status).toBe(200);
      await server.stop();
      server = await startAppServer(options);
      const after = await classesWith(cookie, server.baseUrl);
      expect(after.status).toBe(200);
      expect((await after.json()).classes).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 180_000);
});

function tamperMiddle(cookie: string): string {
  const [name, token] = cookie.split('=');
  const ciphertext = token.split('.')[3];
  const at = token.indexOf(ciphertext) + Math.floor(ciphertext.length / 2);
  const flipped = token[at] === 'A' ? 'B' : 'A';
  return `${name}=${token.slice(0, at)}${flipped}${token.slice(at + 1)}`;
}
