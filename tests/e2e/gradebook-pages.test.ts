import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { launchBrowser, screenshotPath } from './browser';

// A big class's gradebook draws 50 students at a time (a class of 500 was 500 rows × 30 cells in
// one page: seconds of rendering). Sorting still covers every student; the pager says where you are.

let browser: BrowserContext;
let instructor: TestUser;
let classId: string;
const STUDENTS = 120;
const nameOf = (i: number) => `Student ${String(i).padStart(3, '0')}`;

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  instructor = await createTestUser('Big Class Instructor');
  const students = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => createTestUser(nameOf(i + 1))));
  classId = (await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))], 'Big class')).id;
  const [name, ...value] = (await signIn(instructor.email)).split('=');
  await browser.addCookies([
    { name, value: value.join('='), url: inject('baseUrl') },
    { name: 'bpl-locale', value: 'en', url: inject('baseUrl') },
  ]);
});
afterAll(async () => {
  await browser?.close();
});

describe('gradebook of a big class', () => {
  it.each([390, 1280])('shows 50 students a page, pages through all of them, and sorts across every page (%i px)', async (width) => {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
    try {
      await page.goto(`${inject('baseUrl')}/classes/${classId}/gradebook`);
      const names = () => page.locator('table[aria-labelledby="gradebook-caption"] tbody th[scope=row]').allInnerTexts();
      const pager = page.getByTestId('gradebook-pager');
      expect(await names()).toEqual(Array.from({ length: 50 }, (_, i) => nameOf(i + 1)));
      expect(await pager.innerText()).toContain('Students 1–50 of 120');
      expect(await pager.getByRole('button', { name: '← Previous' }).isDisabled()).toBe(true);
      await pager.getByRole('button', { name: 'Next →' }).click();
      await pager.getByRole('button', { name: 'Next →' }).click();
      expect(await names()).toEqual(Array.from({ length: 20 }, (_, i) => nameOf(i + 101)));
      expect(await pager.innerText()).toContain('Students 101–120 of 120');
      expect(await pager.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
      // Sorting by name again (Z→A) starts at the first page, with the last student first.
      await page.getByRole('button', { name: /^Name/ }).click();
      expect((await names())[0]).toBe(nameOf(STUDENTS));
      expect(await pager.innerText()).toContain('Students 1–50 of 120');
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      await page.screenshot({ path: screenshotPath(`gradebook-pages-${width}`), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
