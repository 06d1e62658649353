import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { generate, solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser } from '../support/auth';
import { expectNoSidewaysScroll, launchBrowser, screenshotPath, signInBrowser, takeBrowserProblems } from './browser';
import { cellsInOrder, fillCells } from './live-answers';
import { liveSeed } from '@/lib/live/variants/live-variant';

// An instructor's projector page and two phones (a signed-in student in Korean, a guest in
// English) play a two-question session to the podium in Chromium.

const browsers: BrowserContext[] = [];
beforeAll(async () => {
  browsers.push(await launchBrowser({ locale: 'en-US' }), await launchBrowser({ locale: 'ko-KR' }), await launchBrowser({ locale: 'en-US' }));
}, 120_000);
afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
});

async function answerRight(page: Page, sessionId: string, index: number, participantId: string, typeId: string) {
  const seed = await liveSeed({ sessionId, questionIndex: index, participantId, typeId });
  await fillCells(page, cellsInOrder(generate(typeId, seed).answer, solve(typeId, seed)));
}

/**
 * Where each question's time-limit box sits on the create form: every box shares one left edge and
 * one width (rows laid out evenly, whatever the length of the question's title) and is a tap target.
 */
async function expectEvenTimeInputs(page: Page, where: string, count: number) {
  await page.screenshot({ path: screenshotPath(`live-create-${where.replace(/[^a-z0-9]+/gi, '-')}`), fullPage: true });
  const boxes = await page.locator('input[id^="live-time-"]').evaluateAll((inputs) => inputs.map((input) => input.getBoundingClientRect()).map(({ left, width, height }) => ({ left: Math.round(left), width: Math.round(width), height })));
  expect.soft(boxes, where).toHaveLength(count);
  expect.soft(new Set(boxes.map((box) => box.left)).size, `${where}: left edges ${boxes.map((box) => box.left).join(', ')}`).toBe(1);
  expect.soft(new Set(boxes.map((box) => box.width)).size, `${where}: widths`).toBe(1);
  for (const box of boxes) expect.soft(box.height, `${where}: box height`).toBeGreaterThanOrEqual(44);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${where} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

async function unusedPin(): Promise<string> {
  for (;;) {
    const pin = String(crypto.randomInt(100_000, 1_000_000));
    if (!(await getDb().liveSession.findUnique({ where: { openPin: pin } }))) return pin;
  }
}

describe('live session in the browser', () => {
  it('runs a two-question session from the create form to the podium on three screens', { timeout: 240_000 }, async () => {
    const [hostBrowser, studentBrowser, guestBrowser] = browsers;
    const instructor = await createTestUser('Prof Live');
    const student = await createTestUser('Minji');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }], 'Deep Learning 101');
    // Pages follow the account's language when no language cookie is set: the projector in English.
    await getDb().user.update({ where: { id: instructor.id }, data: { locale: 'en' } });
    await signInBrowser(hostBrowser, instructor.email);
    await signInBrowser(studentBrowser, student.email);
    const baseUrl = inject('baseUrl');

    // The instructor hand-picks two exercise types and allows guests.
    const host = await hostBrowser.newPage();
    await host.setViewportSize({ width: 1280, height: 800 });
    await host.goto(`${baseUrl}/live`);
    await host.getByLabel('Class').selectOption(klass.id);
    // Picked by unit, every question's time limit lines up, on a phone and on a desktop.
    const unitQuestions = await host.locator('ol input[id^="live-time-"]').count();
    expect(unitQuestions).toBeGreaterThan(2);
    await expectEvenTimeInputs(host, 'create form, by unit, 1280 px', unitQuestions);
    await host.setViewportSize({ width: 390, height: 844 });
    await expectEvenTimeInputs(host, 'create form, by unit, 390 px', unitQuestions);
    await host.getByLabel('Hand-picked').check();
    await host.getByLabel('Sigmoid value and derivative').check();
    await host.getByLabel('Weight decay', { exact: false }).first().check();
    await host.getByLabel('Allow guests', { exact: false }).check();
    await expectEvenTimeInputs(host, 'create form, hand-picked, 390 px', 2);
    await host.setViewportSize({ width: 1280, height: 800 });
    await expectEvenTimeInputs(host, 'create form, hand-picked, 1280 px', 2);
    // A time limit out of range names its question, and nothing is created.
    const sigmoidTime = host.getByLabel('Time limit (s, 10–120): Sigmoid value and derivative', { exact: true });
    await sigmoidTime.fill('0');
    await host.getByRole('button', { name: 'Create session' }).click();
    await host.getByText('Check this field — Time limit (s, 10–120): Sigmoid value and derivative', { exact: true }).waitFor();
    // Its box is marked and focused, and typing into it clears the mark.
    expect(await sigmoidTime.getAttribute('aria-invalid')).toBe('true');
    expect(await sigmoidTime.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await sigmoidTime.evaluate((input) => getComputedStyle(input).borderTopColor)).toBe('rgb(185, 28, 28)'); // --bad
    await sigmoidTime.fill('30');
    expect(await sigmoidTime.getAttribute('aria-invalid')).toBeNull();
    await host.getByRole('button', { name: 'Create session' }).click();
    await host.waitForURL(/\/live\/[^/]+\/host$/);
    const sessionId = host.url().split('/').at(-2)!;
    const pin = (await host.getByTestId('pin').textContent())!.trim();
    expect(pin).toMatch(/^\d{6}$/);
    await expect.poll(() => host.locator('svg').count()).toBeGreaterThan(0);

    // A signed-in student (Korean phone) and a guest (English phone) join with the PIN.
    const phone = { width: 390, height: 844 };
    const studentPage = await studentBrowser.newPage();
    await studentPage.setViewportSize(phone);
    await studentPage.goto(`${baseUrl}/join?pin=${pin}`);
    await studentPage.getByRole('button', { name: '참여하기' }).click();
    await studentPage.getByTestId('lobby').waitFor();
    const guestPage = await guestBrowser.newPage();
    await guestPage.setViewportSize(phone);
    await guestPage.goto(`${baseUrl}/join`);
    await guestPage.getByLabel('PIN', { exact: false }).fill(pin);
    await guestPage.getByLabel('Nickname').fill('Guest Bora');
    await guestPage.getByRole('button', { name: 'Join' }).click();
    await guestPage.getByTestId('lobby').waitFor();
    await expect.poll(() => host.getByTestId('joined-count').textContent()).toContain('2');
    await host.screenshot({ path: screenshotPath('live-host-lobby'), fullPage: true });

    const participants = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { id: true, nickname: true, userId: true } });
    const studentId = participants.find((p) => p.userId === student.id)!.id;

    // Question 1: the student answers right, the guest answers wrong; everyone answered, so it closes.
    await host.getByRole('button', { name: 'Start' }).click();
    await studentPage.getByTestId('question').waitFor();
    // The projector shows the prompt (an example variant, typeset with KaTeX) while the question is open.
    const projectorPrompt = host.getByTestId('host-prompt');
    await projectorPrompt.waitFor();
    await expect.poll(() => projectorPrompt.locator('.katex').count()).toBeGreaterThan(0);
    expect(await projectorPrompt.textContent()).toContain('Example numbers');
    await guestPage.getByTestId('question').waitFor();
    await answerRight(studentPage, sessionId, 0, studentId, 'sigmoid-derivative');
    await studentPage.screenshot({ path: screenshotPath('live-student-question'), fullPage: true });
    await studentPage.getByRole('button', { name: '답 제출' }).click();
    await studentPage.getByTestId('submitted').waitFor();
    await fillCells(guestPage, ['0.5', '0.5', '0.5']);
    await guestPage.getByRole('button', { name: 'Submit answer' }).click();

    await host.getByTestId('results').waitFor();
    expect(await host.getByTestId('share-correct').textContent()).toBe('50%');
    await host.screenshot({ path: screenshotPath('live-host-results'), fullPage: true });
    await studentPage.getByTestId('result').waitFor();
    expect(await studentPage.getByTestId('result').getAttribute('data-correct')).toBe('true');
    expect(await guestPage.getByTestId('result').getAttribute('data-correct')).toBe('false');

    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await studentPage.getByTestId('leaderboard').waitFor();
    expect(await studentPage.getByTestId('my-rank').textContent()).toContain('2명 중 1위');

    // Question 2: the student answers right, the guest runs out of patience; the host closes it early.
    await host.getByRole('button', { name: 'Next question' }).click();
    await studentPage.getByText('문제 2 / 2', { exact: false }).waitFor();
    await answerRight(studentPage, sessionId, 1, studentId, 'weight-decay');
    await studentPage.getByRole('button', { name: '답 제출' }).click();
    await studentPage.getByTestId('submitted').waitFor();
    await expect.poll(() => host.getByTestId('answered-count').textContent()).toContain('1 / 2');
    await host.getByRole('button', { name: 'Close now (skip)' }).click();
    await host.getByTestId('results').waitFor();
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await host.getByRole('button', { name: 'Show podium' }).click();

    // The podium on all three screens; the student is first.
    for (const page of [host, studentPage, guestPage]) await page.getByText(page === studentPage ? '최종 순위' : 'Final podium').first().waitFor();
    const first = host.locator('[data-testid="leaderboard"] li[data-rank="1"]');
    expect(await first.textContent()).toContain(participants.find((p) => p.userId === student.id)!.nickname);
    expect(await guestPage.getByTestId('my-rank').textContent()).toContain('#2 of 2');
    await host.screenshot({ path: screenshotPath('live-host-podium'), fullPage: true });
    await studentPage.screenshot({ path: screenshotPath('live-student-podium'), fullPage: true });
    expect(fs.statSync(screenshotPath('live-host-podium')).size).toBeGreaterThan(5_000);

    const stored = await getDb().liveAnswer.findMany({ where: { question: { sessionId } } });
    expect(stored).toHaveLength(3);
    expect((await getDb().liveSession.findUniqueOrThrow({ where: { id: sessionId } })).state).toBe('FINISHED');

    // The final standings in the class gradebook: the student first with the stored points, the guest second.
    await host.getByTestId('gradebook-link').click();
    await host.waitForURL(`${baseUrl}/classes/${klass.id}/gradebook#live-${sessionId}`);
    const played = host.locator(`[data-testid="live-session"][data-session-id="${sessionId}"]`);
    await played.waitFor();
    const storedScores = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { userId: true, score: true } });
    expect(await played.locator('tr[data-rank="1"]').textContent()).toContain('Minji');
    expect(await played.locator('tr[data-rank="1"] [data-testid="live-points"]').textContent()).toBe(String(storedScores.find((p) => p.userId === student.id)!.score));
    expect(await played.locator('tr[data-rank="2"]').textContent()).toContain('Guest Bora');
    expect(await host.getByTestId('live-total').first().textContent()).toContain(String(storedScores.find((p) => p.userId === student.id)!.score));
    await host.screenshot({ path: screenshotPath('live-gradebook'), fullPage: true });
  });

  it('answers a wrong PIN with the form\'s message in Korean and English, and the browser logs no error', async () => {
    const [, koreanBrowser, guestBrowser] = browsers;
    const baseUrl = inject('baseUrl');
    const pin = await unusedPin();
    const koreanPage = await koreanBrowser.newPage();
    await koreanPage.setViewportSize({ width: 390, height: 844 });
    await koreanPage.goto(`${baseUrl}/join`);
    await koreanPage.getByLabel('PIN', { exact: false }).fill(pin);
    if (await koreanPage.getByLabel('닉네임').count()) await koreanPage.getByLabel('닉네임').fill('틀린 PIN');
    await koreanPage.getByRole('button', { name: '참여하기' }).click();
    await koreanPage.getByText('그 PIN으로 참여할 수 있는 열린 세션이 없습니다.', { exact: false }).waitFor();
    expect(await koreanPage.getByLabel('PIN', { exact: false }).getAttribute('aria-invalid')).toBe('true');

    const guestPage = await guestBrowser.newPage();
    await guestPage.setViewportSize({ width: 390, height: 844 });
    await guestPage.goto(`${baseUrl}/join`);
    await guestPage.getByLabel('PIN', { exact: false }).fill(pin);
    await guestPage.getByLabel('Nickname').fill('Wrong Pin');
    await guestPage.getByRole('button', { name: 'Join' }).click();
    await guestPage.getByText('No open session you can join has that PIN.', { exact: false }).waitFor();
    // A guest is offered signing in (the PIN may be their class's session).
    expect(await guestPage.locator('#live-join-problem').getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await expectNoSidewaysScroll(guestPage, 'join page after a wrong PIN');
    await guestPage.screenshot({ path: screenshotPath('live-join-wrong-pin-phone-en'), fullPage: true });

    // A wrong PIN is the user's mistake, not a failed request: no console error (e.g. a logged 404).
    expect(takeBrowserProblems()).toEqual([]);
  });
});
