import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { encode } from 'next-auth/jwt';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn, TEST_PASSWORD, type TestUser } from '../support/auth';

// The authorization matrix: every API route this feature owns, called as anonymous, with an
// expired session, as an instructor of another class, with the wrong role in the class, and as
// the owner. A coverage check at the end fails when a route file or method is missing here.

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const OWNED_API_DIRS = ['app/api/account', 'app/api/classes'];

type Actor = 'instructor' | 'student' | 'classmate' | 'outsider' | 'stranger';

interface RouteCase {
  /** "METHOD /api/… path template", as the route file lays it out. */
  route: string;
  path: () => string;
  body?: () => unknown;
  /** Who may; and the success status. */
  owner: Actor[];
  ownerStatus: number;
  /** Members whose role does not allow it (403). */
  wrongRole: Actor[];
  /** Whether an instructor of another class is refused with 403 (false: the route has no class). */
  isClassScoped: boolean;
  /** Public routes (sign-up) answer anonymous callers normally. */
  isPublic?: boolean;
}

let classId = '';
let users: Record<Actor, TestUser>;
let cookies: Record<Actor, string>;
let expiredCookie = '';

const uniqueEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@test.local`;
const currentJoinCode = async () => (await getDb().class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } })).joinCode;
let joinCodeAtCall = '';

async function call(method: string, url: string, cookie: string | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  // A fresh address per request keeps the sign-up limiter out of this test's way.
  headers['x-forwarded-for'] = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  return fetch(`${inject('baseUrl')}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** A student of the class created for one call, so destructive calls never run out of targets. */
async function freshStudent(): Promise<TestUser> {
  const student = await createTestUser('Victim');
  await getDb().membership.create({ data: { userId: student.id, classId, role: 'STUDENT' } });
  return student;
}

let victimId = '';
let coInstructorEmail = 'nobody@test.local';

const CASES: RouteCase[] = [
  { route: 'GET /api/account/dashboard', path: () => '/api/account/dashboard', owner: ['student', 'instructor'], ownerStatus: 200, wrongRole: [], isClassScoped: false },
  {
    route: 'POST /api/account/signup',
    path: () => '/api/account/signup',
    body: () => ({ email: uniqueEmail('matrix'), name: '새 사용자', password: 'a long enough password', locale: 'ko' }),
    owner: [],
    ownerStatus: 201,
    wrongRole: [],
    isClassScoped: false,
    isPublic: true,
  },
  { route: 'GET /api/classes', path: () => '/api/classes', owner: ['student', 'instructor'], ownerStatus: 200, wrongRole: [], isClassScoped: false },
  { route: 'POST /api/classes', path: () => '/api/classes', body: () => ({ name: 'Matrix class' }), owner: ['stranger'], ownerStatus: 201, wrongRole: [], isClassScoped: false },
  { route: 'POST /api/classes/join', path: () => '/api/classes/join', body: () => ({ code: joinCodeAtCall }), owner: ['stranger'], ownerStatus: 200, wrongRole: [], isClassScoped: false },
  { route: 'GET /api/classes/[classId]', path: () => `/api/classes/${classId}`, owner: ['student', 'instructor'], ownerStatus: 200, wrongRole: [], isClassScoped: true },
  { route: 'PATCH /api/classes/[classId]', path: () => `/api/classes/${classId}`, body: () => ({ showNicknames: false }), owner: ['instructor'], ownerStatus: 200, wrongRole: ['student'], isClassScoped: true },
  { route: 'POST /api/classes/[classId]/join-code', path: () => `/api/classes/${classId}/join-code`, owner: ['instructor'], ownerStatus: 200, wrongRole: ['student'], isClassScoped: true },
  {
    route: 'POST /api/classes/[classId]/instructors',
    path: () => `/api/classes/${classId}/instructors`,
    body: () => ({ email: coInstructorEmail }),
    owner: ['instructor'],
    ownerStatus: 200,
    wrongRole: ['student'],
    isClassScoped: true,
  },
  {
    route: 'DELETE /api/classes/[classId]/members/[userId]',
    // Refused callers aim at the classmate, who must still be there afterwards.
    path: () => `/api/classes/${classId}/members/${victimId || users.classmate.id}`,
    owner: ['instructor'],
    ownerStatus: 200,
    wrongRole: ['student'],
    isClassScoped: true,
  },
  { route: 'PUT /api/classes/[classId]/nickname', path: () => `/api/classes/${classId}/nickname`, body: () => ({ nickname: '' }), owner: ['student', 'instructor'], ownerStatus: 200, wrongRole: [], isClassScoped: true },
  { route: 'GET /api/classes/[classId]/leaderboard', path: () => `/api/classes/${classId}/leaderboard?board=week`, owner: ['student', 'instructor'], ownerStatus: 200, wrongRole: [], isClassScoped: true },
  { route: 'GET /api/classes/[classId]/gradebook', path: () => `/api/classes/${classId}/gradebook`, owner: ['instructor'], ownerStatus: 200, wrongRole: ['student'], isClassScoped: true },
  { route: 'GET /api/classes/[classId]/gradebook.csv', path: () => `/api/classes/${classId}/gradebook.csv`, owner: ['instructor'], ownerStatus: 200, wrongRole: ['student'], isClassScoped: true },
  {
    route: 'GET /api/classes/[classId]/students/[userId]',
    path: () => `/api/classes/${classId}/students/${users.student.id}`,
    // The student themself and the class's instructors; a classmate is the wrong role here.
    owner: ['student', 'instructor'],
    ownerStatus: 200,
    wrongRole: ['classmate'],
    isClassScoped: true,
  },
  // Last, because each ends the owner's other sessions: the outsider's and the stranger's cookies are not used after these.
  {
    route: 'POST /api/account/password',
    path: () => '/api/account/password',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }),
    owner: ['outsider'],
    ownerStatus: 200,
    wrongRole: [],
    isClassScoped: false,
  },
  { route: 'POST /api/account/sign-out-everywhere', path: () => '/api/account/sign-out-everywhere', owner: ['stranger'], ownerStatus: 200, wrongRole: [], isClassScoped: false },
];

beforeAll(async () => {
  const names: Actor[] = ['instructor', 'student', 'classmate', 'outsider', 'stranger'];
  users = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await createTestUser(`Matrix ${name}`)] as const))) as Record<Actor, TestUser>;
  ({ id: classId } = await createTestClass([
    { user: users.instructor, role: 'INSTRUCTOR' },
    { user: users.student, role: 'STUDENT' },
    { user: users.classmate, role: 'STUDENT' },
  ]));
  // The outsider teaches a different class: being an instructor somewhere must not open this one.
  await createTestClass([{ user: users.outsider, role: 'INSTRUCTOR' }], 'Other class');
  cookies = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await signIn(users[name].email)] as const))) as Record<Actor, string>;
  const token = await encode({ token: { sub: users.instructor.id, email: users.instructor.email }, secret: inject('authSecret'), maxAge: -3600 });
  expiredCookie = `next-auth.session-token=${token}`;
});

describe('authorization matrix for the accounts, classes and gradebook API', () => {
  for (const routeCase of CASES) {
    const [method] = routeCase.route.split(' ');

    it(`${routeCase.route}: anonymous and expired sessions get 401${routeCase.isPublic ? ' (except the public sign-up)' : ''}`, async () => {
      const anonymous = await call(method, routeCase.path(), null, routeCase.body?.());
      const expired = await call(method, routeCase.path(), expiredCookie, routeCase.body?.());
      if (routeCase.isPublic) {
        expect(anonymous.status).toBe(routeCase.ownerStatus);
        return;
      }
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.message).toMatch(/sign in/i);
      expect(expired.status).toBe(401);
    });

    if (routeCase.isClassScoped) {
      it(`${routeCase.route}: an instructor of another class gets 403`, async () => {
        const response = await call(method, routeCase.path(), cookies.outsider, routeCase.body?.());
        expect(response.status).toBe(403);
        expect((await response.json()).error.code).toBe('FORBIDDEN');
      });
    }

    for (const actor of routeCase.wrongRole) {
      it(`${routeCase.route}: the ${actor} (wrong role) gets 403`, async () => {
        if (routeCase.route.startsWith('DELETE')) victimId = (await freshStudent()).id;
        const response = await call(method, routeCase.path(), cookies[actor], routeCase.body?.());
        expect(response.status).toBe(403);
        if (routeCase.route.startsWith('DELETE')) expect(await getDb().membership.count({ where: { classId, userId: victimId } })).toBe(1);
      });
    }

    for (const actor of routeCase.owner) {
      it(`${routeCase.route}: the ${actor} gets ${routeCase.ownerStatus}`, async () => {
        if (routeCase.route.startsWith('DELETE')) victimId = (await freshStudent()).id;
        if (routeCase.route === 'POST /api/classes/join') joinCodeAtCall = await currentJoinCode();
        if (routeCase.route === 'POST /api/classes/[classId]/instructors') coInstructorEmail = (await createTestUser('Co-instructor')).email;
        const response = await call(method, routeCase.path(), cookies[actor], routeCase.body?.());
        expect(response.status).toBe(routeCase.ownerStatus);
        // An unknown code is a 200 too (`found: false`): the stranger must have joined.
        if (routeCase.route === 'POST /api/classes/join') expect(((await response.json()) as { found: boolean }).found).toBe(true);
        if (routeCase.route.startsWith('DELETE')) expect(await getDb().membership.count({ where: { classId, userId: victimId } })).toBe(0);
        victimId = '';
      });
    }
  }

  it('lists every route file and method under app/api/account and app/api/classes', () => {
    const found: string[] = [];
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const child = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(child);
        else if (entry.name === 'route.ts') {
          const source = fs.readFileSync(path.join(ROOT, child), 'utf8');
          const routePath = `/${path.dirname(child).split(path.sep).slice(1).join('/')}`;
          for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${method} ${routePath}`);
        }
      }
    };
    for (const dir of OWNED_API_DIRS) visit(dir);
    expect(found.sort()).toEqual(CASES.map((routeCase) => routeCase.route).sort());
  });
});
