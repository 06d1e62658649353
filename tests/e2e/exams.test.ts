import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { seedForExam } from '@/lib/exercises/keyed-seeds';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { expectNoSidewaysScroll, launchBrowser, screenshotPath } from './browser';

// A student takes an exam on a phone (390 px): honour code, the server's countdown surviving a
// reload, answers with feedback hidden, handing in, results after release; and the auto-submit
// when the countdown reaches zero.

const MINUTE = 60_000;
// Server round trips (a refresh of the server-rendered page) on a busy machine.
const WAIT = { timeout: 20_000, interval: 100 };
let browser: BrowserContext;
let student: TestUser;
let classId = '';

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  const teacher = await createTestUser('Exam Teacher');
  student = await createTestUser('Exam Student');
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: student, role: 'STUDENT' },
  ]));
  const [name, ...value] = (await signIn(student.email)).split('=');
  await browser.addCookies([
    { name, value: value.join('='), url: inject('baseUrl') },
    { name: 'bpl-locale', value: 'en', url: inject('baseUrl') },
  ]);
});
afterAll(async () => {
  await browser?.close();
});

async function createExam(types: string[], timeLimitMinutes = 30) {
  const now = Date.now();
  const { id } = await getDb().exam.create({
    data: {
      classId,
      title: `Midterm ${crypto.randomBytes(2).toString('hex')}`,
      opensAt: new Date(now - 10 * MINUTE),
      closesAt: new Date(now + 120 * MINUTE),
      timeLimitMinutes,
      maxAttempts: 2,
      creditDecayPct: 50,
      feedback: 'ON_RELEASE',
      publishedAt: new Date(now - 10 * MINUTE),
      questions: { create: types.map((typeId, position) => ({ typeId, position, points: 1 })) },
    },
    select: { id: true },
  });
  return id;
}

async function phonePage(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const smallTapTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main input, main button, main select')]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 && box.height < 44 ? true : box.height < 24 || box.width < 24))
      .map(({ element, box }) => `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
/** Seconds shown by the countdown (m:ss). */
const clockSeconds = async (page: Page) => {
  const [m, s] = ((await page.getByTestId('exam-clock').textContent()) ?? '0:00').split(':').map(Number);
  return m * 60 + s;
};

describe('exam on a phone (390 px)', () => {
  it('begins after the honour code, keeps the timer across a reload, hides grading until release, then shows score and solutions', async () => {
    const examId = await createExam(['rnn-step', 'conv-output-shape']);
    const page = await phonePage();
    await page.goto(`${inject('baseUrl')}/exams/${examId}`);
    const begin = page.getByRole('button', { name: 'Begin the exam' });
    await expect.poll(() => begin.isDisabled(), WAIT).toBe(true);
    await page.getByTestId('honour-code').check();
    await begin.click();
    await expect.poll(() => page.getByTestId('exam-question').count(), WAIT).toBe(2);
    const startedAt = (await getDb().examSession.findFirstOrThrow({ where: { examId, userId: student.id } })).startedAt;
    const firstClock = await clockSeconds(page);
    expect(firstClock).toBeGreaterThan(28 * 60);
    expect(firstClock).toBeLessThanOrEqual(30 * 60);
    // No hints on an exam.
    expect(await page.getByText(/hint/i).count()).toBe(0);

    // rnn-step right, on the first try: "received", no verdict.
    const rnn = solve('rnn-step', seedForExam(examId, 'rnn-step', student.id)) as number[];
    const rnnBoxes = page.locator('[data-type="rnn-step"] input');
    for (const [index, value] of rnn.entries()) await rnnBoxes.nth(index).fill(String(Math.round(value * 1e6) / 1e6));
    await page.locator('[data-type="rnn-step"]').getByRole('button', { name: /Submit answer \(attempt 1 of 2\)/ }).click();
    await expect.poll(() => page.getByTestId('answer-received').textContent(), WAIT).toContain('attempt 1 of 2');
    expect(await page.getByTestId('exam-feedback').count()).toBe(0);
    expect(await page.locator('[data-type="rnn-step"]').getByRole('button', { name: /attempt 2 of 2, 50 % credit/ }).count()).toBe(1);

    // A reload (or another tab) continues the same timer.
    await page.reload();
    await expect.poll(() => page.getByTestId('exam-question').count(), WAIT).toBe(2);
    expect(await clockSeconds(page)).toBeLessThanOrEqual(firstClock);
    expect((await getDb().examSession.findFirstOrThrow({ where: { examId, userId: student.id } })).startedAt).toEqual(startedAt);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTapTargets(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('exam-in-progress-phone-en'), fullPage: true });

    await page.getByTestId('finish-exam').click();
    await expect.poll(() => page.getByTestId('exam-ended').textContent(), WAIT).toContain('Submitted');
    expect(await page.getByTestId('exam-score').count()).toBe(0);
    expect(await page.getByTestId('worked-solution').count()).toBe(0);

    await getDb().exam.update({ where: { id: examId }, data: { releasedAt: new Date() } });
    await page.reload();
    await expect.poll(() => page.getByTestId('exam-score').textContent(), WAIT).toBe('Score: 1 / 2 points');
    expect(await page.getByTestId('worked-solution').count()).toBe(2);
    expect(await page.locator('[data-type="rnn-step"] [data-testid="exam-feedback"]').getAttribute('data-correct')).toBe('true');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('exam-released-phone-en'), fullPage: true });
    await page.close();
  });

  it('submits by itself when the server’s countdown reaches zero', async () => {
    const examId = await createExam(['conv-output-shape'], 1);
    // Begun 40 s ago by the server's clock: twenty seconds left.
    await getDb().examSession.create({ data: { examId, userId: student.id, startedAt: new Date(Date.now() - 40_000), honourAcceptedAt: new Date(Date.now() - 40_000) } });
    const page = await phonePage();
    await page.goto(`${inject('baseUrl')}/exams/${examId}`);
    await page.getByTestId('exam-clock').waitFor({ timeout: 15_000 });
    expect(await clockSeconds(page)).toBeLessThanOrEqual(20);
    await expect.poll(() => page.getByTestId('exam-ended').textContent(), { timeout: 20_000, interval: 100 }).toContain('Timed out');
    const session = await getDb().examSession.findFirstOrThrow({ where: { examId, userId: student.id } });
    expect(session.endReason).toBe('TIMED_OUT');
    // Ended at the deadline itself, not when the page asked.
    expect(session.endedAt!.getTime() - session.startedAt.getTime()).toBe(60_000);

    // Released, the dashboard's exam card says so in full and still fits the phone (its one-line
    // status chip pushed the card to 506 px).
    await getDb().exam.update({ where: { id: examId }, data: { releasedAt: new Date() } });
    await page.goto(`${inject('baseUrl')}/dashboard`);
    const card = page.getByTestId('my-exams').locator(`[data-exam="${examId}"]`);
    expect(await card.textContent()).toContain('Timed out (submitted automatically) · Results released');
    await expectNoSidewaysScroll(page, 'the dashboard with a timed-out, released exam');
    await page.close();
  });
});
