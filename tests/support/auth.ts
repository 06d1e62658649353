import crypto from 'node:crypto';
import { inject } from 'vitest';
import type { Role } from '@/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db';

// Test users are created straight in this run's database; sessions are real next-auth sign-ins.

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

let cachedHash: Promise<string> | undefined;

export async function createTestUser(name = 'Test User'): Promise<TestUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = `user-${crypto.randomBytes(6).toString('hex')}@test.local`;
  return getDb().user.create({ data: { email, name, passwordHash: await cachedHash }, select: { id: true, email: true, name: true } });
}

export async function createTestClass(members: { user: TestUser; role: Role }[], name = 'Test class'): Promise<{ id: string; joinCode: string }> {
  const joinCode = crypto.randomBytes(4).toString('hex').toUpperCase();
  return getDb().class.create({
    data: { name, joinCode, memberships: { create: members.map(({ user, role }) => ({ userId: user.id, role })) } },
    select: { id: true, joinCode: true },
  });
}

/** Signs in through next-auth's credentials flow and returns the Cookie header of the session. */
export async function signIn(email: string, password = TEST_PASSWORD, baseUrl = inject('baseUrl')): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrfResponse);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiePairs(response).find((pair) => pair.includes('session-token='));
  if (!session) throw new Error(`sign-in failed for ${email} (status ${response.status})`);
  return session;
}

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
}
