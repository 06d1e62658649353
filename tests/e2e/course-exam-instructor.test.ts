import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { expectNoSidewaysScroll, launchBrowser, screenshotPath } from './browser';

// The instructor's exam pages in Chromium at 390 px and 1280 px: create an exam with the form,
// follow a student's progress (in progress, then submitted) and release the results —
// with no sideways scroll and no console error (tests/e2e/browser.ts).

const WIDTHS = [390, 1280] as const;
const WAIT = { timeout: 20_000 };
let browser: BrowserContext;
let teacher: TestUser;
let student: TestUser;
let classId = '';
let teacherCookie = '';
let studentCookie = '';

/** A wall-clock time in Seoul (the class's default time zone), as the datetime-local input takes it. */
function seoulLocal(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  [teacher, student] = await Promise.all([createTestUser('Exam Instructor'), createTestUser('Exam Taker')]);
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: student, role: 'STUDENT' },
  ]));
  [teacherCookie, studentCookie] = await Promise.all([signIn(teacher.email), signIn(student.email)]);
  const [name, ...value] = teacherCookie.split('=');
  await browser.addCookies([
    { name, value: value.join('='), url: inject('baseUrl') },
    { name: 'bpl-locale', value: 'en', url: inject('baseUrl') },
  ]);
});
afterAll(async () => {
  await browser?.close();
});

async function asStudent(path: string, body: unknown) {
  const response = await fetch(`${inject('baseUrl')}${path}`, { method: 'POST', headers: { cookie: `${studentCookie}; bpl-locale=en`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, path).toBe(200);
}

describe('instructor exam pages in the browser', () => {
  for (const width of WIDTHS) {
    it(`creates an exam, follows a student's progress (in progress, submitted) and releases the results at ${width} px`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      const title = `Browser quiz ${width}`;

      await page.goto(`${inject('baseUrl')}/classes/${classId}/exams`);
      const form = page.getByTestId('exam-form');
      await form.waitFor(WAIT);
      await expectNoSidewaysScroll(page, 'the exam list');
      await form.getByLabel('Title').fill(title);
      await form.getByRole('button', { name: 'Add a question' }).click();
      await form.getByLabel('Window opens').fill(seoulLocal(new Date(Date.now() - 3600_000)));
      await form.getByLabel('Window closes').fill(seoulLocal(new Date(Date.now() + 24 * 3600_000)));
      await form.getByRole('button', { name: 'Save' }).click();
      const link = page.getByRole('link', { name: title });
      await link.waitFor(WAIT);
      await page.screenshot({ path: screenshotPath(`course-exam-created-${width}`), fullPage: true });
      const exam = await getDb().exam.findFirstOrThrow({ where: { classId, title }, include: { questions: true } });
      expect(exam.questions).toHaveLength(1);
      expect(exam.publishedAt).not.toBeNull();

      // The student begins: the results page shows them in progress.
      await asStudent(`/api/course/exams/${exam.id}/start`, { honourCode: true });
      await link.click();
      await page.waitForURL(`${inject('baseUrl')}/classes/${classId}/exams/${exam.id}`, WAIT);
      await page.getByText('In progress').first().waitFor(WAIT);
      await expectNoSidewaysScroll(page, 'the exam results page');
      await page.screenshot({ path: screenshotPath(`course-exam-progress-${width}`), fullPage: true });

      // The student hands in; after a reload the page says submitted, then the results are released.
      await asStudent(`/api/course/exams/${exam.id}/submit`, {});
      await page.reload();
      await page.getByText('Submitted').first().waitFor(WAIT);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Release results' }).click();
      await page.getByTestId('exam-released').waitFor(WAIT);
      expect((await getDb().exam.findUniqueOrThrow({ where: { id: exam.id } })).releasedAt).not.toBeNull();
      await expectNoSidewaysScroll(page, 'the released results');
      await page.screenshot({ path: screenshotPath(`course-exam-released-${width}`), fullPage: true });
      await page.close();
    });
  }
});
