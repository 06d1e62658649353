import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { exerciseTypeIds, generate, solve } from '@/engine/exercises';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';
import { getDb } from '@/lib/db';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { loadCourse } from '@/lib/content/load-course';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { wrongAnswer } from '../../scripts/support/wrong-answer';
import { connectTraining } from '../integration/training-support';
import { createSessionOverHttp } from '../integration/live-test-client';
import { launchBrowser, SCREENSHOTS } from './browser';

// Every page a visitor, a student or an instructor opens (one entry per app/**/page.tsx, with real
// data behind it), at phone (390×844) and desktop (1280×800) width, in Korean and English. A page
// fails on sideways scroll, on a tap target under 44×44 CSS px, and (tests/e2e/browser.ts) on any
// console error or page error. Screenshots of every page land in test-results/screenshots/.

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHOTS = path.join(SCREENSHOTS, 'screenshots');
const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const LOCALES = ['ko', 'en'] as const;
const MIN_TARGET = 44;

type Role = 'visitor' | 'student' | 'instructor';
interface PageCase {
  role: Role;
  /** File name of the screenshot. */
  name: string;
  path: () => string;
}

const course = await loadCourse({ unitsDir: path.join(ROOT, 'content', 'units'), exerciseIds: exerciseTypeIds });
const unitIds = course.units.map((unit) => unit.id);

// Filled in by beforeAll with real records made through the app's own API.
const data = { classId: '', studentId: '', sessionId: '', runId: '', challengeId: '', assignmentId: '', examId: '' };
const cookies: Partial<Record<Role, string>> = {};

const PAGES: PageCase[] = [
  { role: 'visitor', name: 'home', path: () => '/' },
  { role: 'visitor', name: 'signin', path: () => '/signin' },
  { role: 'visitor', name: 'signup', path: () => '/signup' },
  { role: 'visitor', name: 'units', path: () => '/units' },
  { role: 'visitor', name: 'join', path: () => '/join' },
  { role: 'student', name: 'home', path: () => '/' },
  { role: 'student', name: 'dashboard', path: () => '/dashboard' },
  { role: 'student', name: 'units', path: () => '/units' },
  ...unitIds.map((unitId): PageCase => ({ role: 'student', name: `unit-${unitId}`, path: () => `/units/${unitId}` })),
  { role: 'student', name: 'exercises', path: () => '/exercises' },
  ...exerciseTypeIds.map((typeId): PageCase => ({ role: 'student', name: `exercise-${typeId}`, path: () => `/exercises/${typeId}` })),
  { role: 'student', name: 'classes', path: () => '/classes' },
  { role: 'student', name: 'class', path: () => `/classes/${data.classId}` },
  { role: 'student', name: 'my-record', path: () => `/classes/${data.classId}/students/${data.studentId}` },
  { role: 'student', name: 'review', path: () => '/review' },
  { role: 'student', name: 'assignment', path: () => `/assignments/${data.assignmentId}` },
  { role: 'student', name: 'exam', path: () => `/exams/${data.examId}` },
  { role: 'student', name: 'account', path: () => '/account' },
  { role: 'student', name: 'join', path: () => '/join' },
  { role: 'student', name: 'player', path: () => `/join/${data.sessionId}` },
  { role: 'student', name: 'playground', path: () => '/playground' },
  { role: 'student', name: 'run', path: () => `/playground/runs/${data.runId}` },
  { role: 'student', name: 'compare', path: () => `/playground/compare?a=${data.runId}&b=${data.runId}` },
  { role: 'student', name: 'challenges', path: () => '/playground/challenges' },
  { role: 'student', name: 'challenge', path: () => `/playground/challenges/${data.challengeId}` },
  { role: 'instructor', name: 'dashboard', path: () => '/dashboard' },
  { role: 'instructor', name: 'classes', path: () => '/classes' },
  { role: 'instructor', name: 'class', path: () => `/classes/${data.classId}` },
  { role: 'instructor', name: 'gradebook', path: () => `/classes/${data.classId}/gradebook` },
  { role: 'instructor', name: 'assignments', path: () => `/classes/${data.classId}/assignments` },
  { role: 'instructor', name: 'exams', path: () => `/classes/${data.classId}/exams` },
  { role: 'instructor', name: 'exam-results', path: () => `/classes/${data.classId}/exams/${data.examId}` },
  { role: 'instructor', name: 'mastery', path: () => `/classes/${data.classId}/mastery` },
  { role: 'instructor', name: 'question-stats', path: () => `/classes/${data.classId}/stats` },
  { role: 'instructor', name: 'student-record', path: () => `/classes/${data.classId}/students/${data.studentId}` },
  { role: 'instructor', name: 'live', path: () => '/live' },
  { role: 'instructor', name: 'host', path: () => `/live/${data.sessionId}/host` },
];

async function post(cookie: string, url: string, body: unknown): Promise<Response> {
  return fetch(`${inject('baseUrl')}${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify(body) });
}

/**
 * A student with attempts (right and wrong, so the gradebook shows mistakes, mastery and question
 * statistics have data, and a review falls due), a finished run, a live session they joined, an
 * open assignment; their instructor with a challenge.
 */
async function makeData(): Promise<void> {
  const student: TestUser = await createTestUser('Minji Park');
  const instructor = await createTestUser('Prof. Kim');
  const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }], 'Deep Learning 101');
  data.classId = klass.id;
  data.studentId = student.id;
  cookies.student = await signIn(student.email);
  cookies.instructor = await signIn(instructor.email);

  for (const typeId of exerciseTypeIds.slice(0, 4)) {
    const seed = seedForStudent(student.id, typeId, 0);
    const right = solve(typeId, seed);
    for (const answer of [wrongAnswer(generate(typeId, seed).answer, right), right]) {
      const response = await post(cookies.student, `/api/exercises/${typeId}/submit`, { answer, round: 0, clientSubmissionId: crypto.randomUUID() });
      expect(response.status, `submit ${typeId}`).toBe(200);
    }
  }

  // The first skill's review is due now (FSRS would bring it back in a day or more).
  await getDb().reviewCard.updateMany({ where: { userId: student.id, typeId: exerciseTypeIds[0] }, data: { due: new Date(Date.now() - 3600_000) } });

  // Wall-clock times in the class's zone: a week either side of now, whatever the zone.
  const localTime = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
  const assignment = await post(cookies.instructor, `/api/course/classes/${klass.id}/assignments`, {
    title: 'Week 1: perceptrons and backprop',
    unitIds: [],
    items: [
      { typeId: exerciseTypeIds[0], target: 'SOLVE_COUNT', targetValue: 2 },
      { typeId: exerciseTypeIds[1], target: 'BEST_SCORE', targetValue: 0.8 },
    ],
    opensAt: localTime(-7),
    dueAt: localTime(7),
    lateUntil: localTime(9),
    latePenaltyPct: 20,
    isPublished: true,
  });
  expect(assignment.status, 'create an assignment').toBe(201);
  data.assignmentId = ((await assignment.json()) as { id: string }).id;

  // An exam open for a week that the student has begun (its questions on screen, the timer running).
  const exam = await post(cookies.instructor, `/api/course/classes/${klass.id}/exams`, {
    title: 'Quiz 1: backpropagation',
    opensAt: localTime(-1),
    closesAt: localTime(7),
    timeLimitMinutes: 50,
    maxAttempts: 2,
    creditDecayPct: 25,
    feedback: 'ON_RELEASE',
    questions: [{ typeId: 'comp-graph', points: 3 }, { typeId: 'pooling', points: 2 }],
    isPublished: true,
  });
  expect(exam.status, 'create an exam').toBe(201);
  data.examId = ((await exam.json()) as { id: string }).id;
  expect((await post(cookies.student, `/api/course/exams/${data.examId}/start`, { honourCode: true })).status, 'begin the exam').toBe(200);

  const { sessionId, pin } = await createSessionOverHttp(cookies.instructor, {
    classId: klass.id,
    allowGuests: true,
    questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }, { typeId: 'weight-decay', timeLimitS: 60 }],
  });
  data.sessionId = sessionId;
  const joined = await post(cookies.student, '/api/live/join', { pin });
  expect(joined.status).toBe(200);
  expect(((await joined.json()) as { found: boolean }).found).toBe(true);

  const challenge = await post(cookies.instructor, '/api/training/challenges', {
    classId: klass.id,
    title: 'Two spirals, at most 50 parameters',
    model: 'mlp',
    task: 'spirals',
    maxParams: 50,
    maxSeconds: 30,
    closesAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  expect(challenge.status).toBe(201);
  data.challengeId = ((await challenge.json()) as { challenge: { id: string } }).challenge.id;

  const training = await connectTraining(cookies.student);
  try {
    const started = await training.start({ ...DEFAULT_CONFIGS.mlp, task: 'xor', samples: 200, hidden: [8], epochs: 5 });
    if (!started.ok) throw new Error(`could not start a run: ${started.error.message}`);
    data.runId = started.runId;
    expect((await training.waitForEnd(started.runId)).status).toBe('COMPLETED');
  } finally {
    training.close();
  }
}

interface PageProblems {
  sidewaysScroll: { scrollWidth: number; innerWidth: number; widest: string[] } | null;
  smallTargets: string[];
}

/** Runs in the page: what scrolls sideways, and every visible control smaller than 44×44 CSS px. */
function inspectPage(minTarget: number): PageProblems {
  const describe = (element: Element) => {
    const rect = element.getBoundingClientRect();
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const label = element.getAttribute('aria-label') ?? element.getAttribute('name') ?? '';
    const cls = typeof element.className === 'string' ? element.className.split(' ')[0] : '';
    return `<${element.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> "${text || label}" ${Math.round(rect.width)}×${Math.round(rect.height)}`;
  };
  const isVisible = (element: Element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    if (element.closest('[inert], [aria-hidden="true"]')) return false;
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  /** A link inside a sentence: WCAG 2.5.8 exempts it (its size is set by the line of text). */
  const isInlineInText = (element: Element) => {
    if (getComputedStyle(element).display !== 'inline') return false;
    const parent = element.parentElement;
    if (!parent) return false;
    const own = (element.textContent ?? '').trim().length;
    const around = (parent.textContent ?? '').trim().length;
    return around > own + 1 && getComputedStyle(parent).display !== 'flex';
  };

  const root = document.documentElement;
  let sidewaysScroll: PageProblems['sidewaysScroll'] = null;
  if (root.scrollWidth > window.innerWidth) {
    // The elements that stick out, innermost first: where to look.
    const widest = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 1))
      .slice(0, 5)
      .map(describe);
    sidewaysScroll = { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, widest };
  }

  const smallTargets: string[] = [];
  for (const element of document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, summary, textarea')) {
    let target: Element = element;
    if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) target = element.closest('label') ?? element;
    if (!isVisible(target)) continue;
    if (element.tagName === 'A' && isInlineInText(element)) continue;
    const rect = target.getBoundingClientRect();
    if (rect.width < minTarget - 0.5 || rect.height < minTarget - 0.5) smallTargets.push(describe(target));
  }
  return { sidewaysScroll, smallTargets: [...new Set(smallTargets)] };
}

let browser: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser({ locale: 'en-US', timezoneId: 'America/New_York' });
  await makeData();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

async function useRole(role: Role, locale: (typeof LOCALES)[number]): Promise<void> {
  const baseUrl = inject('baseUrl');
  await browser.clearCookies();
  const session = cookies[role as Exclude<Role, 'visitor'>];
  const jar: { name: string; value: string; url: string }[] = [{ name: 'bpl-locale', value: locale, url: baseUrl }];
  if (session) {
    const [name, ...value] = session.split('=');
    jar.push({ name, value: value.join('='), url: baseUrl });
  }
  await browser.addCookies(jar);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  // Hydration, the first effects and any late layout (fonts, KaTeX, figures) before measuring.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 400))));
}

describe('every page on a phone and a desktop, in Korean and English', () => {
  it('has an entry for every app/**/page.tsx', () => {
    const routes = (fs.readdirSync(path.join(ROOT, 'app'), { recursive: true }) as string[])
      .filter((file) => path.basename(file) === 'page.tsx')
      .map((file) => `/${path.dirname(file).split(path.sep).join('/')}`.replace(/^\/\.$/, '/'));
    const visited = PAGES.map((entry) => entry.path());
    const missing = routes.filter((route) => {
      const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, '[^/?]+')}(\\?|$)`);
      return !visited.some((visit) => pattern.test(visit));
    });
    expect(routes.length).toBeGreaterThan(25);
    expect(missing).toEqual([]);
  });

  it.each(PAGES)('$role: $name', { timeout: 180_000 }, async ({ role, name, path: pathOf }) => {
    const failures: string[] = [];
    for (const locale of LOCALES) {
      await useRole(role, locale);
      // The phone and the desktop page load side by side (same cookies, separate pages).
      await Promise.all(WIDTHS.map(async (size) => {
        const page = await browser.newPage();
        try {
          await page.setViewportSize({ width: size.width, height: size.height });
          const response = await page.goto(`${inject('baseUrl')}${pathOf()}`);
          const where = `${locale} ${size.width}px ${pathOf()}`;
          if (response?.status() !== 200) failures.push(`${where}: HTTP ${response?.status()}`);
          await settle(page);
          await page.screenshot({ path: path.join(SHOTS, `${role}-${name}-${locale}-${size.width}.png`), fullPage: true });
          const found = await page.evaluate(inspectPage, MIN_TARGET);
          if (found.sidewaysScroll) {
            failures.push(`${where}: scrolls sideways (${found.sidewaysScroll.scrollWidth} px wide in ${found.sidewaysScroll.innerWidth} px); sticking out: ${found.sidewaysScroll.widest.join('; ')}`);
          }
          if (found.smallTargets.length > 0) failures.push(`${where}: ${found.smallTargets.length} tap target(s) under ${MIN_TARGET}×${MIN_TARGET} px: ${found.smallTargets.slice(0, 12).join('; ')}`);
        } finally {
          await page.close();
        }
      }));
    }
    failures.sort();
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

describe('site header and home page', () => {
  it('collapses the navigation into a menu on a phone: one row, a 44 px button that opens and closes the links', async () => {
    await useRole('visitor', 'en');
    const page = await browser.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${inject('baseUrl')}/`);
      await settle(page);
      const header = await page.locator('header.site-header').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(64);
      const button = page.getByRole('button', { name: 'Menu' });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => page.getByRole('link', { name: 'Units', exact: true }).isVisible()).toBe(false);
      await button.click();
      expect(await page.getByRole('button', { name: 'Close' }).getAttribute('aria-expanded')).toBe('true');
      for (const name of ['Units', 'Exercises', 'Join live', 'Playground', 'Dashboard', 'Classes', 'Sign in', 'Sign up']) {
        const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
        const box = await link.boundingBox();
        expect(box?.height, name).toBeGreaterThanOrEqual(44);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('link', { name: 'Units', exact: true }).isVisible()).toBe(false);
      // Following a link closes the menu on the new page.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Units', exact: true }).click();
      await page.waitForURL('**/units');
      expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    } finally {
      await page.close();
    }
  });

  it('shows every link in one header row on a desktop, with Sign up, and the feature cards lead to their areas', async () => {
    await useRole('visitor', 'en');
    const page = await browser.newPage();
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${inject('baseUrl')}/`);
      await settle(page);
      expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe('/signup');
      const cards = page.locator('.cards article a');
      expect(await cards.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/units', '/exercises', '/join', '/playground']);
      await cards.nth(0).click();
      await page.waitForURL('**/units');
    } finally {
      await page.close();
    }
  });

  it('serves an icon (no favicon 404)', async () => {
    for (const iconPath of ['/favicon.ico', '/icon.svg']) {
      const response = await fetch(`${inject('baseUrl')}${iconPath}`);
      expect(response.status, iconPath).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });
});
