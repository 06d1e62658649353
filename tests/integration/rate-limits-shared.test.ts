import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { countSignInAttempt } from '@/lib/accounts/rate-limits';
import { getLiveSql } from '@/lib/live/state/live-sql';
import { AppError } from '@/lib/errors';
import { RATE_LIMIT_TABLE } from '@/lib/rate-limit';
import type { AppServer } from '../../scripts/support/app-server';
import { createTestUser, TEST_PASSWORD } from '../support/auth';
import { startWebProcesses } from '../support/web-processes';

// Rate limits count in a store every process shares: a budget of 5 sign-in attempts per email and
// address is 5 in total, however the attempts are spread over processes. Counting per process,
// each process below would see at most 4 and let the 6th attempt through.

const TOO_MANY = /^Too many attempts\. Try again in \d+ s\.$/;

/** One credentials sign-in; returns the error next-auth reports ('CredentialsSignin', the rate-limit sentence) or null. */
async function signInError(baseUrl: string, email: string, password: string, forwardedFor?: string): Promise<string | null> {
  const extra: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: extra });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...extra, 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const location = response.headers.get('location') ?? ((await response.json()) as { url?: string }).url ?? '';
  return new URL(location, baseUrl).searchParams.get('error');
}

describe('rate limits in PostgreSQL (no REDIS_URL)', () => {
  it('counts attempts made in this process and in the app server against one budget, in the rate_limits table', async () => {
    // This test process and the run's app server both count in the test database.
    const user = await createTestUser();
    const ip = `198.51.100.${crypto.randomInt(1, 255)}`;
    for (let i = 0; i < 3; i += 1) await countSignInAttempt({ email: user.email, ip });
    for (let i = 0; i < 2; i += 1) expect(await signInError(inject('baseUrl'), user.email, `wrong ${i}`, ip)).toBe('CredentialsSignin');

    const refused = await countSignInAttempt({ email: user.email, ip }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('RATE_LIMITED');
    expect(await signInError(inject('baseUrl'), user.email, 'wrong again', ip)).toMatch(TOO_MANY);

    const { rows } = await getLiveSql().query<{ points: number }>(`SELECT points FROM ${RATE_LIMIT_TABLE} WHERE key = $1`, [`sign-in:email-ip:${user.email}|${ip}`]);
    expect(rows).toEqual([{ points: 7 }]);
  });
});

describe('rate limits in Redis, two web processes', () => {
  let servers: AppServer[] = [];
  beforeAll(async () => {
    servers = await startWebProcesses(2);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('refuses the 6th sign-in attempt for one email and address when the first five were split 3 + 2 over processes A and B', async () => {
    const [a, b] = servers;
    const user = await createTestUser();
    for (let i = 0; i < 3; i += 1) expect(await signInError(a.baseUrl, user.email, `wrong a${i}`)).toBe('CredentialsSignin');
    for (let i = 0; i < 2; i += 1) expect(await signInError(b.baseUrl, user.email, `wrong b${i}`)).toBe('CredentialsSignin');
    // Even the right password, on either process: the budget is spent.
    expect(await signInError(a.baseUrl, user.email, TEST_PASSWORD)).toMatch(TOO_MANY);
    expect(await signInError(b.baseUrl, user.email, TEST_PASSWORD)).toMatch(TOO_MANY);
  });
});
