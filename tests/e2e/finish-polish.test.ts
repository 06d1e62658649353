import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { expectConsoleError, launchBrowser, screenshotPath } from './browser';

// Issue #19's last rough edges, each seen in Chromium as a new user would: a sentence said once,
// a caption read whole on a phone.

let browser: BrowserContext;
let student: TestUser;
let instructor: TestUser;
let classId: string;

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  student = await createTestUser('Polish Student');
  instructor = await createTestUser('Polish Instructor');
  classId = (await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }], 'Polish class')).id;
});
afterAll(async () => {
  await browser?.close();
});

async function openAs(user: TestUser | null, locale: 'ko' | 'en', width: number): Promise<Page> {
  const baseUrl = inject('baseUrl');
  await browser.clearCookies();
  const jar: { name: string; value: string; url: string }[] = [{ name: 'bpl-locale', value: locale, url: baseUrl }];
  if (user) {
    const [name, ...value] = (await signIn(user.email)).split('=');
    jar.push({ name, value: value.join('='), url: baseUrl });
  }
  await browser.addCookies(jar);
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
  return page;
}

/** How often `sentence` appears in the page's visible text. */
async function countVisible(page: Page, sentence: string): Promise<number> {
  const text = await page.locator('main').innerText();
  return text.split(sentence).length - 1;
}

describe('sign-up with an email that already has an account', () => {
  it.each([
    { locale: 'en' as const, submit: 'Create account', sentence: 'An account with this email already exists.' },
    { locale: 'ko' as const, submit: '가입하기', sentence: '이 이메일로 가입한 계정이 이미 있습니다.' },
  ])('says so once ($locale), with a sign-in link, and marks the email box', async ({ locale, submit, sentence }) => {
    // The browser logs the 409 the sign-up answers with.
    expectConsoleError(/status of 409/);
    const page = await openAs(null, locale, 390);
    try {
      await page.goto(`${inject('baseUrl')}/signup`);
      await page.locator('#signup-name').fill('Someone Else');
      await page.locator('#signup-email').fill(student.email);
      await page.locator('#signup-password').fill('a long enough password');
      await page.getByRole('button', { name: submit }).click();
      await expect.poll(() => countVisible(page, sentence)).toBeGreaterThan(0);
      // Give a second rendering (the bug: under the field and in the alert) time to appear.
      await page.waitForTimeout(300);
      expect(await countVisible(page, sentence)).toBe(1);
      expect(await page.locator('#signup-email').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#signup-email').getAttribute('aria-describedby')).toContain('signup-alert');
      expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toContain(`email=${encodeURIComponent(student.email)}`);
      await page.screenshot({ path: screenshotPath(`signup-email-taken-${locale}`), fullPage: true });
    } finally {
      await page.close();
    }
  });
});

describe('gradebook on a phone', () => {
  it.each(['en', 'ko'] as const)('shows the table caption whole at 390 px (%s), not cut off at the screen edge', async (locale) => {
    const page = await openAs(instructor, locale, 390);
    try {
      await page.goto(`${inject('baseUrl')}/classes/${classId}/gradebook`);
      await page.waitForLoadState('load');
      const caption = page.locator('#gradebook-caption');
      expect(await caption.isVisible()).toBe(true);
      const box = (await caption.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      // Nothing of it hidden: its text fits its box, and the box is not clipped by a scrolling parent.
      expect(await caption.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
      expect(await caption.evaluate((element) => element.closest('[role="region"]') === null)).toBe(true);
      // The table is still named by it.
      expect(await page.getByRole('region', { name: locale === 'en' ? 'Best scores per student' : '학생별 최고 점수' }).count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`gradebook-caption-phone-${locale}`), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
