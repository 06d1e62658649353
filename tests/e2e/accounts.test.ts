import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { generate, solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { createTestUser, signIn } from '../support/auth';
import { expectConsoleError, expectNoSidewaysScroll, launchBrowser, openPageAs, screenshotPath, takeBrowserProblems } from './browser';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';

// The whole classroom loop in Chromium, in Korean: an instructor signs up and opens a class, a
// student signs up, joins with the code and solves an exercise, and the instructor finds the
// result in the gradebook and downloads the CSV.

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const suffix = crypto.randomBytes(4).toString('hex');
const instructor = { name: '김교수 E2E', email: `prof-${suffix}@test.local`, password: 'instructor password 1' };
const student = { name: '이하늘 E2E', email: `haneul-${suffix}@test.local`, password: 'student password 1' };
const baseUrl = () => inject('baseUrl');

async function signUp(page: Page, person: { name: string; email: string; password: string }) {
  await page.goto(`${baseUrl()}/signup`);
  await page.getByLabel('이름', { exact: true }).fill(person.name);
  await page.getByLabel('이메일', { exact: true }).fill(person.email);
  await page.getByLabel('비밀번호', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: '가입하기' }).click();
  await page.waitForURL(`${baseUrl()}/dashboard`);
  await expect.poll(() => page.locator('header').textContent()).toContain(person.name);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.waitForURL(`${baseUrl()}/`);
  await expect.poll(() => page.getByRole('link', { name: '로그인' }).count()).toBe(1);
}

describe('accounts and classes in Chromium', () => {
  it('instructor signs up and opens a class; student signs up, joins and solves; instructor sees it in the gradebook and CSV', async () => {
    const page = await browser.newPage();

    // A page that needs an account sends a visitor to sign in first.
    await page.goto(`${baseUrl()}/dashboard`);
    await page.waitForURL(/\/signin\?callbackUrl=%2Fdashboard/);

    await signUp(page, instructor);
    await page.screenshot({ path: screenshotPath('accounts-dashboard-new-instructor'), fullPage: true });
    await page.goto(`${baseUrl()}/classes`);
    // An overlong class name gets a clear message and creates nothing.
    await page.getByLabel('수업 이름').fill('가'.repeat(101));
    await page.getByRole('button', { name: '수업 만들기' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '1~100자' }).count()).toBe(1);
    await page.getByLabel('수업 이름').fill('딥러닝 E2E 반');
    await page.getByRole('button', { name: '수업 만들기' }).click();
    await page.waitForURL(/\/classes\/[a-z0-9]+$/);
    const classId = page.url().split('/').pop() ?? '';
    const joinCode = (await page.getByTestId('join-code').textContent())?.trim() ?? '';
    expect(joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    // The join link is the whole address, ready for a class chat, and "링크 복사" copies exactly it.
    const joinUrl = `${baseUrl()}/classes?code=${joinCode}`;
    await expect.poll(() => page.getByTestId('join-link').textContent()).toBe(joinUrl);
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await page.getByRole('button', { name: '링크 복사' }).click();
    await page.getByRole('button', { name: '✓ 복사했습니다' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(joinUrl);
    await page.screenshot({ path: screenshotPath('accounts-class-instructor'), fullPage: true });
    await signOut(page);

    await signUp(page, student);
    await page.goto(`${baseUrl()}/classes`);
    // A wrong code first: a clear message, nothing joined, and no console error (it is answered 200 { found: false }).
    await page.getByLabel('참여 코드').fill('ZZZZZZ');
    await page.getByRole('button', { name: '참여하기' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '이 코드의 수업이 없습니다' }).count()).toBe(1);
    expect(takeBrowserProblems()).toEqual([]);
    await page.getByLabel('참여 코드').fill(` ${joinCode.toLowerCase()} `);
    await page.getByRole('button', { name: '참여하기' }).click();
    await page.waitForURL(`${baseUrl()}/classes/${classId}`);
    expect(await page.locator('h1').textContent()).toContain('딥러닝 E2E 반');
    await page.screenshot({ path: screenshotPath('accounts-class-student'), fullPage: true });

    // Solve an exercise on the exercises page, with the answer computed by the engine here.
    const typeId = 'conv2d-output';
    const { id: studentId } = await getDb().user.findUniqueOrThrow({ where: { email: student.email }, select: { id: true } });
    const seed = seedForStudent(studentId, typeId, 0);
    expect(generate(typeId, seed).answer.kind).toBe('matrix');
    const expected = solve(typeId, seed) as number[][];
    await page.goto(`${baseUrl()}/exercises/${typeId}`);
    await page.getByRole('textbox', { name: /^답, 1행, 1열/ }).click();
    for (const [r, row] of expected.entries()) {
      for (const [c, value] of row.entries()) {
        await page.keyboard.type(String(value));
        if (r < expected.length - 1 || c < row.length - 1) await page.keyboard.press('Tab');
      }
    }
    await page.getByRole('button', { name: '제출' }).click();
    await expect.poll(() => page.getByTestId('result').getAttribute('data-correct')).toBe('true');

    // The dashboard now shows the solved exercise.
    await page.goto(`${baseUrl()}/dashboard`);
    const dashboardRow = page.locator('tr', { has: page.locator(`a[href="/exercises/${typeId}"]`) });
    await expect.poll(() => dashboardRow.textContent()).toContain('100%');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: screenshotPath('accounts-dashboard-student-phone'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut(page);

    // The instructor signs back in: a wrong password first gets the generic message (and a logged 401).
    expectConsoleError(/status of 401 .*\/api\/auth\/callback\/credentials/);
    await page.goto(`${baseUrl()}/signin?callbackUrl=${encodeURIComponent(`/classes/${classId}/gradebook`)}`);
    await page.getByLabel('이메일').fill(instructor.email);
    await page.getByLabel('비밀번호').fill('not the password');
    await page.getByRole('button', { name: '로그인' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '이메일 또는 비밀번호가 올바르지 않습니다' }).count()).toBe(1);
    await page.getByLabel('비밀번호').fill(instructor.password);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL(`${baseUrl()}/classes/${classId}/gradebook`);

    const studentRow = page.locator('tbody tr', { has: page.getByRole('link', { name: student.name }) });
    await expect.poll(() => studentRow.count()).toBe(1);
    const exerciseColumn = await page.locator('thead th').evaluateAll(
      (headers, title) => headers.findIndex((header) => header.textContent?.includes(title)),
      generateTitle(typeId),
    );
    expect(exerciseColumn).toBeGreaterThan(0);
    expect(await studentRow.locator('th, td').nth(exerciseColumn).textContent()).toContain('100%');
    await page.screenshot({ path: screenshotPath('accounts-gradebook'), fullPage: true });

    // Sorting by a score column puts the highest first and says so to assistive technology.
    // (The heading is a link to the sorted page: the server sorts.)
    await page.locator('thead th').nth(1).getByRole('link').click();
    await expect.poll(() => page.locator('thead th').nth(1).getAttribute('aria-sort')).toBe('descending');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV 내려받기' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^gradebook-.*\.csv$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain(student.name);
    expect(csv).toContain(student.email);
    const row = csv.split('\r\n').find((line) => line.includes(student.name)) ?? '';
    expect(row.split(',')).toContain('100');
  });
});

describe('account forms in Chromium', () => {
  it('marks an overlong name on sign-up without creating anything, and counts down sign-in retries in English', async () => {
    await browser.clearCookies();
    // Wrong passwords on purpose: the browser logs each 401 the sign-in answers with.
    expectConsoleError(/status of 401 .*\/api\/auth\/callback\/credentials/);
    const page = await browser.newPage();
    const ghost = `ghost-${suffix}@test.local`;
    await page.goto(`${baseUrl()}/signup`);
    await page.getByLabel('이름', { exact: true }).fill('가'.repeat(81));
    await page.getByLabel('이메일', { exact: true }).fill(ghost);
    await page.getByLabel('비밀번호', { exact: true }).fill('long enough password');
    await page.getByRole('button', { name: '가입하기' }).click();
    const nameInput = page.getByLabel('이름', { exact: true });
    await expect.poll(() => nameInput.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#signup-name-error').textContent()).toContain('1~80자');
    expect(await getDb().user.count({ where: { email: ghost } })).toBe(0);
    await page.screenshot({ path: screenshotPath('accounts-signup-error'), fullPage: true });

    await page.goto(`${baseUrl()}/signin`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Sign in');
    await page.getByLabel('Email').fill(ghost);
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('Password').fill(`guess ${i}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: /Wrong email or password|Try again in/ }).count()).toBe(1);
    }
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /^Too many attempts\. Try again in \d+ s\.$/ }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('accounts-signin-rate-limited'), fullPage: true });
  });

  it('answers a wrong join code with the message in Korean and English on a phone, and the browser logs no error', async () => {
    const cookie = await signIn((await createTestUser('Wrong code')).email);
    for (const [language, message] of [['ko', '이 코드의 수업이 없습니다'], ['en', 'No class has this join code']] as const) {
      const page = await openPageAs(browser, cookie, { width: 390, language });
      await page.goto(`${baseUrl()}/classes`);
      const input = page.getByLabel(language === 'ko' ? '참여 코드' : 'Join code');
      await input.fill('zz-zzzz');
      await page.getByRole('button', { name: language === 'ko' ? '참여하기' : 'Join', exact: true }).click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: message }).count()).toBe(1);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toBe(`${baseUrl()}/classes`);
      await expectNoSidewaysScroll(page, `classes page after a wrong code (${language})`);
      await page.screenshot({ path: screenshotPath(`accounts-join-wrong-code-phone-${language}`), fullPage: true });
      await page.close();
    }
    // A wrong code is the user's mistake, not a failed request: no console error (e.g. a logged 404).
    expect(takeBrowserProblems()).toEqual([]);
  });
});

/** The Korean title the gradebook shows for an exercise type (the page is in Korean). */
function generateTitle(typeId: string): string {
  return exerciseTitles.get(typeId) ?? typeId;
}
const exerciseTitles = new Map<string, string>();
beforeAll(async () => {
  const { exerciseTypes } = await import('@/engine/exercises');
  for (const type of exerciseTypes) exerciseTitles.set(type.id, type.title.ko);
});
