import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { exerciseTypes } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import type { TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, createSessionOverHttp } from '../integration/live-test-client';
import { expectOk } from '../support/acks';
import { addSessionCookie, launchBrowser, screenshotPath } from './browser';

// One question of every exercise type, played through the real player screen on a phone: the
// answer input is visible, an answer is submitted and acknowledged (stored and scored). A type
// whose input does not render (conv-output-shape did not: its empty draft is '') fails here.

const PHONE = { width: 390, height: 844 };
let studentBrowser: BrowserContext;
let hostBrowser: BrowserContext;
beforeAll(async () => {
  [studentBrowser, hostBrowser] = await Promise.all([launchBrowser({ locale: 'en-US' }), launchBrowser({ locale: 'en-US' })]);
}, 120_000);
afterAll(async () => {
  await Promise.all([studentBrowser?.close(), hostBrowser?.close()]);
});

async function useCookie(browser: BrowserContext, cookie: string) {
  await addSessionCookie(browser, cookie);
  await browser.addCookies([{ name: 'bpl-locale', value: 'en', url: inject('baseUrl') }]);
}

async function noSidewaysScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Types "1" in every box and picks the first option of every choice: a valid (mostly wrong) answer. */
async function fillAnything(page: Page) {
  const form = page.locator('[data-testid="question"] form');
  const boxes = form.locator('input[type="text"]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill('1');
  const radios = form.locator('input[type="radio"]');
  const names = new Set<string>();
  for (let i = 0; i < (await radios.count()); i++) {
    const name = (await radios.nth(i).getAttribute('name'))!;
    if (names.has(name)) continue;
    names.add(name);
    await radios.nth(i).check();
  }
}

describe('a live question of every type on a phone', () => {
  it(`renders, submits and acknowledges all ${exerciseTypes.length} types in the player screen at 390×844`, { timeout: 420_000 }, async () => {
    expect(exerciseTypes.length).toBe(18);
    const instructor = await createTestUser('Every Type Host');
    const student = await createTestUser('Every Type Student');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }], 'Every type');
    const [hostCookie, studentCookie] = await Promise.all([signIn(instructor.email), signIn(student.email)]);
    await useCookie(studentBrowser, studentCookie);
    await useCookie(hostBrowser, hostCookie);
    const baseUrl = inject('baseUrl');

    // The create page fits a phone (its unit dropdown made it 529 px wide).
    const createPage = await hostBrowser.newPage();
    await createPage.setViewportSize(PHONE);
    await createPage.goto(`${baseUrl}/live`);
    await createPage.getByLabel('Unit', { exact: true }).waitFor();
    expect(await noSidewaysScroll(createPage)).toBeLessThanOrEqual(PHONE.width);
    await createPage.screenshot({ path: screenshotPath('live-create-390'), fullPage: true });

    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: exerciseTypes.map((type) => ({ typeId: type.id, timeLimitS: 120 })) });
    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));

    const page = await studentBrowser.newPage();
    await page.setViewportSize(PHONE);
    const problems: string[] = [];
    page.on('console', (message) => {
      // The missing favicon is the site's (issue #19's icon work), not the player screen's.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${baseUrl}/join?pin=${pin}`);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByTestId('lobby').waitFor();

    // A focused play view: the site navigation is covered, nothing scrolls sideways.
    const topElementInPlayView = () => page.evaluate(() => Boolean(document.elementFromPoint(195, 8)?.closest('[data-testid="play-view"]')));
    expect(await topElementInPlayView()).toBe(true);
    expect(await page.evaluate(() => document.elementFromPoint(20, 20)?.closest('header.site-header, .site-header'))).toBeNull();

    const participant = await getDb().liveParticipant.findFirstOrThrow({ where: { sessionId, userId: student.id }, select: { id: true } });
    for (const [index, type] of exerciseTypes.entries()) {
      const from = index === 0 ? { state: 'LOBBY', index: -1 } : { state: 'LEADERBOARD', index: index - 1 };
      expectOk(await host.emit('live:host:advance', { sessionId, from }));
      const question = page.getByTestId('question');
      await question.getByText(`Question ${index + 1} of ${exerciseTypes.length} · ${type.title.en}`).waitFor({ timeout: 15_000 });

      // The input is there and on screen.
      const firstInput = question.locator('form input').first();
      expect(await firstInput.isVisible(), `${type.id}: answer input visible`).toBe(true);
      const box = (await firstInput.boundingBox())!;
      expect(box.x, `${type.id}: input on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x, `${type.id}: input on screen`).toBeLessThan(PHONE.width);
      expect(await noSidewaysScroll(page), `${type.id}: no sideways scroll`).toBeLessThanOrEqual(PHONE.width);
      expect(await topElementInPlayView()).toBe(true);
      if (index === 0 || type.id === 'conv-output-shape') await page.screenshot({ path: screenshotPath(`live-type-${type.id}`), fullPage: true });

      // Answered: the one player answered, so the question closes and the result card arrives.
      const closed = host.next<TQuestionResults>('live:host:results', (results) => results.questionIndex === index);
      await fillAnything(page);
      await question.getByRole('button', { name: 'Submit answer' }).click();
      const results = await closed;
      expect(results.answered, `${type.id}: answer counted`).toBe(1);
      const result = page.getByTestId('result');
      await result.waitFor();
      expect(await result.textContent(), `${type.id}: acknowledged`).not.toContain('No answer');
      const stored = await getDb().liveAnswer.findFirstOrThrow({ where: { participantId: participant.id, question: { sessionId, index } } });
      expect(stored.answer, `${type.id}: stored answer`).not.toBeNull();
      expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index } }));
    }
    expect(await getDb().liveAnswer.count({ where: { participantId: participant.id } })).toBe(exerciseTypes.length);
    expect(problems).toEqual([]);
    host.close();
  });
});
