import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { expectNoSidewaysScroll, launchBrowser, openPageAs, screenshotPath } from './browser';

// The student's review flow (the due skill on /review, "Review now" opening its fresh variant) and
// the instructor's mastery heatmap, in Chromium at 390 px and 1280 px: no sideways scroll, and
// (tests/e2e/browser.ts) no console error.

const TYPE = 'pooling';
const WIDTHS = [390, 1280] as const;
const WAIT = { timeout: 20_000 };
let browser: BrowserContext;
let teacher: TestUser;
let student: TestUser;
let classId = '';
const cookies: Record<'teacher' | 'student', string> = { teacher: '', student: '' };

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  [teacher, student] = await Promise.all([createTestUser('Heatmap Teacher'), createTestUser('Review Student')]);
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: student, role: 'STUDENT' },
  ]));
  [cookies.teacher, cookies.student] = await Promise.all([signIn(teacher.email), signIn(student.email)]);
  // A solved variant a while ago (mastery and a review card), and the review is due now.
  const at = new Date(Date.now() - 3 * 24 * 3600_000);
  await getDb().attempt.create({ data: { userId: student.id, typeId: TYPE, round: 0, seed: 1n, answer: {}, score: 1, correct: true, clientSubmissionId: crypto.randomUUID(), createdAt: at } });
  await getDb().skillMastery.create({ data: { userId: student.id, typeId: TYPE, pKnown: 0.4, attempts: 1, correct: 1, lastAttemptAt: at } });
  await getDb().reviewCard.create({
    data: { userId: student.id, typeId: TYPE, due: new Date(Date.now() - 3600_000), stability: 2, difficulty: 5, elapsedDays: 0, scheduledDays: 2, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: at },
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('review flow and mastery heatmap in the browser', () => {
  for (const width of WIDTHS) {
    it(`student at ${width} px: the due skill on /review, "Review now" opens its fresh variant`, async () => {
      const page = await openPageAs(browser, cookies.student, { width, language: 'en' });
      await page.goto(`${inject('baseUrl')}/review`);
      const item = page.locator(`[data-skill="${TYPE}"]`);
      await item.waitFor(WAIT);
      await expectNoSidewaysScroll(page, '/review');
      const button = item.getByRole('link', { name: 'Review now' });
      const box = await button.boundingBox();
      expect(box?.height ?? 0, 'Review now is a 44 px tap target').toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: screenshotPath(`course-review-${width}`), fullPage: true });
      await button.click();
      await page.waitForURL(`${inject('baseUrl')}/exercises/${TYPE}?review=1`, WAIT);
      await page.locator('h1').waitFor(WAIT);
      await expectNoSidewaysScroll(page, 'the review variant');
      await page.screenshot({ path: screenshotPath(`course-review-variant-${width}`), fullPage: true });
      await page.close();
    });

    it(`instructor at ${width} px: the heatmap shows the student's level for the skill`, async () => {
      const page = await openPageAs(browser, cookies.teacher, { width, language: 'en' });
      await page.goto(`${inject('baseUrl')}/classes/${classId}/mastery`);
      const row = page.locator(`tr[data-user="${student.id}"]`);
      await row.waitFor(WAIT);
      await expect(row.locator('td[title^="Attempted"]').count()).resolves.toBe(1);
      await expectNoSidewaysScroll(page, 'the heatmap page');
      await page.screenshot({ path: screenshotPath(`course-heatmap-${width}`), fullPage: true });
      await page.close();
    });
  }
});
