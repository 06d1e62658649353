import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { expectNoSidewaysScroll, launchBrowser, screenshotPath } from './browser';
import { utcToZoned } from '@/lib/course/assignments/zoned-time';

// The instructor's exam pages in Chromium at 390 px and 1280 px: create an exam with the form,
// follow a student's progress (in progress, then submitted) and release the results —
// with no sideways scroll and no console error (tests/e2e/browser.ts). Then, on a phone, what a new
// instructor trips on first: the class time zone, forms saved half-filled, and the assignment list.

const WIDTHS = [390, 1280] as const;
const WAIT = { timeout: 20_000 };
let browser: BrowserContext;
let teacher: TestUser;
let student: TestUser;
let classId = '';
let teacherCookie = '';
let studentCookie = '';

/** A wall-clock time in Seoul (the class's default time zone), as the datetime-local input takes it. */
const seoulLocal = (at: Date) => utcToZoned(at, 'Asia/Seoul').slice(0, 16);

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

      // A student has begun: the questions are frozen, and their buttons look it (grey, not the accent).
      await page.locator('summary', { hasText: 'Edit exam' }).click();
      const frozen = page.getByTestId('exam-form');
      await frozen.getByText('Students have begun: questions, time limit, attempts and credit are frozen.').waitFor(WAIT);
      const remove = frozen.getByRole('button', { name: 'Remove' });
      expect(await remove.isDisabled()).toBe(true);
      // --muted (#5b6270), not the accent (#4338ca) of a live button.
      expect(await remove.evaluate((button) => getComputedStyle(button).color)).toBe('rgb(91, 98, 112)');
      await page.locator('summary', { hasText: 'Edit exam' }).click();

      // An extension: an emptied box is refused with a sentence (it used to become 0 and silently
      // remove the extension); 15 minutes is stored and confirmed.
      const extension = page.getByRole('row').filter({ hasText: 'Exam Taker' }).locator('form');
      await extension.getByLabel('Extra minutes: Exam Taker').fill('');
      await extension.getByRole('button', { name: 'Set' }).click();
      await expect.poll(() => extension.getByRole('alert').textContent(), WAIT).toBe('Enter 0–600 whole minutes (0 removes the extension).');
      await extension.getByLabel('Extra minutes: Exam Taker').fill('15');
      await extension.getByRole('button', { name: 'Set' }).click();
      await expect.poll(() => extension.getByRole('status').textContent(), WAIT).toBe('✓ Saved');
      expect((await getDb().examExtension.findFirstOrThrow({ where: { examId: exam.id, userId: student.id } })).extraMinutes).toBe(15);

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

  it('on a phone: sets the class time zone, is told what a half-filled form lacks without a request, and sees each assignment as lines that open', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${inject('baseUrl')}/classes/${classId}`);
    const zone = page.getByLabel('Class time zone');
    await zone.selectOption('Europe/Berlin');
    await expect.poll(async () => (await getDb().class.findUniqueOrThrow({ where: { id: classId } })).timeZone, WAIT).toBe('Europe/Berlin');
    expect((await zone.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);

    // A form saved empty or half-filled says what is missing, sends nothing (a refused request would
    // be a console error) and creates nothing.
    const requests: string[] = [];
    page.on('request', (request) => void (request.method() !== 'GET' && requests.push(request.url())));
    await page.goto(`${inject('baseUrl')}/classes/${classId}/exams`);
    const examForm = page.getByTestId('exam-form');
    await examForm.getByText('Class time zone: Europe/Berlin').waitFor(WAIT);
    await examForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => examForm.locator('[data-field-error="title"]').textContent(), WAIT).toBe('Enter a title of 1–120 characters.');
    await examForm.getByLabel('Title').fill('Quiz without questions');
    await examForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => examForm.locator('[data-field-error="questions"]').textContent(), WAIT).toBe('Choose at least one question.');
    expect(await examForm.getByLabel('Title').getAttribute('aria-invalid')).toBeNull();

    await page.goto(`${inject('baseUrl')}/classes/${classId}/assignments`);
    const form = page.getByTestId('assignment-form').first();
    await form.getByText('Class time zone: Europe/Berlin').waitFor(WAIT);
    await form.getByLabel('Title').fill('Week 1');
    await form.getByRole('button', { name: 'Add an exercise' }).click();
    await form.getByLabel('Opens').fill('2026-12-07T09:00');
    await form.getByLabel('Due', { exact: true }).fill('2026-12-07T08:00');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.locator('[data-field-error="dueAt"]').textContent(), WAIT).toBe('The due date must come after the opening date.');
    expect(requests).toEqual([]);

    // Saved in the class's zone: 09:00 in Berlin in December (CET) is 08:00 UTC.
    await form.getByLabel('Due', { exact: true }).fill('2026-12-14T09:00');
    await form.getByRole('button', { name: 'Save' }).click();
    const listed = page.locator('details[data-assignment]').filter({ hasText: 'Week 1' });
    await listed.waitFor(WAIT);
    const stored = await getDb().assignment.findFirstOrThrow({ where: { classId, title: 'Week 1' } });
    expect(stored.opensAt.toISOString()).toBe('2026-12-07T08:00:00.000Z');

    // Its summary reads as lines (title, then due date, then counts), not squeezed side-by-side
    // columns, with a marker that says it opens; opening it shows its edit form.
    const summary = listed.locator('summary');
    const [title, due] = [await summary.locator('strong').boundingBox(), await summary.locator('span.muted').first().boundingBox()];
    expect(due!.y).toBeGreaterThanOrEqual(title!.y + title!.height - 1);
    expect(await summary.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"▸"');
    await summary.click();
    await listed.getByTestId('assignment-form').waitFor(WAIT);
    expect(await summary.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"▾"');
    await expectNoSidewaysScroll(page, 'the assignments page');
    await page.screenshot({ path: screenshotPath('course-assignments-instructor-390'), fullPage: true });
    await page.close();
  });
});
