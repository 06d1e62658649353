import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { generate, solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { createTestUser, signIn, type TestUser } from '../support/auth';
import { launchBrowser, screenshotPath } from './browser';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';

let browser: BrowserContext;
let student: TestUser;

beforeAll(async () => {
  browser = await launchBrowser();
  student = await createTestUser('Browser Student');
  // A real next-auth session, handed to the browser as its cookie.
  const [name, ...value] = (await signIn(student.email)).split('=');
  await browser.addCookies([{ name, value: value.join('='), url: inject('baseUrl') }]);
});
afterAll(async () => {
  await browser?.close();
});

const cell = (page: Page, row: number, col: number) => page.getByRole('textbox', { name: new RegExp(`^답, ${row}행, ${col}열`) });

describe('exercise page in Chromium', () => {
  it('solves a convolution exercise: grid typed with Tab, a wrong cell marked, a hint, then the right answer', async () => {
    const typeId = 'conv2d-output';
    const seed = seedForStudent(student.id, typeId, 0);
    const spec = generate(typeId, seed).answer;
    expect(spec.kind).toBe('matrix');
    const expected = solve(typeId, seed) as number[][];
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/exercises/${typeId}`);
    expect(await page.locator('section[aria-label="문제"] .katex').count()).toBeGreaterThan(0);

    // Type every cell from the keyboard, Tab to the next; the top-left value is off.
    await cell(page, 1, 1).click();
    for (const [r, row] of expected.entries()) {
      for (const [c, value] of row.entries()) {
        await page.keyboard.type(r === 0 && c === 0 ? String(value + 5) : String(value));
        if (r < expected.length - 1 || c < row.length - 1) await page.keyboard.press('Tab');
      }
    }
    // A double click on submit must still count one attempt.
    await page.getByRole('button', { name: '제출' }).dblclick();
    const result = page.getByTestId('result');
    await expect.poll(() => result.getAttribute('data-correct')).toBe('false');
    expect(await cell(page, 1, 1).getAttribute('aria-invalid')).toBe('true');
    expect(await cell(page, 1, 2).getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('attempts-left').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('hint').count()).toBe(1);
    expect(await page.getByTestId('attempt-history').locator('tbody tr').count()).toBe(1);
    expect(await getDb().attempt.count({ where: { userId: student.id, typeId } })).toBe(1);
    await page.screenshot({ path: screenshotPath('exercise-wrong-attempt'), fullPage: true });

    // Back to the top-left cell with the arrow keys, and fix it.
    const last = expected.length;
    await cell(page, last, expected[0].length).click();
    for (let i = 1; i < last; i++) await page.keyboard.press('ArrowUp');
    for (let i = 1; i < expected[0].length; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^답, 1행, 1열/);
    await page.keyboard.type(String(expected[0][0]));
    await page.keyboard.press('Enter');
    await expect.poll(() => result.getAttribute('data-correct')).toBe('true');
    expect(await page.getByTestId('score').textContent()).toBe('100%');
    expect(await page.getByTestId('attempt-history').locator('tbody tr').count()).toBe(2);
    const stored = await getDb().attempt.findMany({ where: { userId: student.id, typeId }, orderBy: { createdAt: 'asc' }, select: { correct: true, round: true } });
    expect(stored).toEqual([{ correct: false, round: 0 }, { correct: true, round: 0 }]);
    const file = screenshotPath('exercise-solved');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: screenshotPath('exercise-solved-phone'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The solved variant gives way to new numbers.
    await page.getByRole('button', { name: '새 변형 풀기' }).click();
    await expect.poll(() => page.getByTestId('attempts-left').textContent()).toBe('3');
    expect(await cell(page, 1, 1).inputValue()).toBe('');
  });

  it('lists every exercise by unit with the best score, in English after switching language', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/exercises`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Exercises');
    const card = page.locator('article', { has: page.locator('a[href="/exercises/conv2d-output"]') });
    expect(await card.textContent()).toContain('Best score: 100%');
    await page.screenshot({ path: screenshotPath('exercise-index'), fullPage: true });
  });

  it('marks the first wrong field of a computational graph and explains it, in English', async () => {
    await browser.addCookies([{ name: 'bpl-locale', value: 'en', url: inject('baseUrl') }]);
    const typeId = 'comp-graph';
    const seed = seedForStudent(student.id, typeId, 0);
    const spec = generate(typeId, seed).answer;
    if (spec.kind !== 'fields') throw new Error('comp-graph is expected to be a fields answer');
    const expected = solve(typeId, seed) as Record<string, number>;
    const names = Object.keys(spec.fields);
    // Forward values right, the first gradient off: the grader names that field first.
    const firstGradient = names.find((name) => name.startsWith('d'))!;
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/exercises/${typeId}`);
    for (const name of names) {
      const value = name === firstGradient ? expected[name] * 3 + 7 : expected[name];
      await page.getByRole('textbox', { name: spec.fields[name].label!.en, exact: true }).fill(String(value));
    }
    await page.getByRole('button', { name: 'Submit' }).click();
    const result = page.getByTestId('result');
    await expect.poll(() => result.getAttribute('data-correct')).toBe('false');
    expect(await result.textContent()).toContain(`First wrong value: ${spec.fields[firstGradient].label!.en}`);
    expect(await page.locator('[data-first-wrong]').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('exercise-fields-first-wrong'), fullPage: true });
  });
});
