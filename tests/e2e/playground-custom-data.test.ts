import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { createTestUser } from '../support/auth';
import { launchBrowser, screenshotPath, signInBrowser } from './browser';

// Issue 17, your own data: on a phone, tap points of both classes onto the square (and erase one),
// paste a CSV (a bad line is named), train the MLP on those points, and see them in the picture.

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  await signInBrowser(browser, (await createTestUser('Custom Data Student')).email);
});
afterAll(async () => {
  await browser?.close();
});

async function openPlayground(locale: 'ko' | 'en', width: number, height: number): Promise<Page> {
  await browser.addCookies([{ name: LOCALE_COOKIE, value: locale, url: inject('baseUrl') }]);
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`${inject('baseUrl')}/playground`);
  await page.getByRole('tab', { name: 'MLP' }).click();
  return page;
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('your own data in the MLP playground', () => {
  it('adds and erases points by tapping, refuses too few, reads a CSV and trains on it (390 px, English)', async () => {
    const page = await openPlayground('en', 390, 844);
    await page.getByLabel('Task', { exact: true }).selectOption('custom');
    const editor = page.getByTestId('points-editor');
    await expect(editor.isVisible()).resolves.toBe(true);
    // Nothing is red before the student has done anything (the rule is in the help text)…
    await expect(editor.getByRole('alert').count()).resolves.toBe(0);
    // …until Train is pressed with no points.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(editor.getByRole('alert').first().textContent()).resolves.toBe('6–500 points, at least 2 of each class, coordinates within −1.5 … 1.5.');
    // Samples and noise do not apply to your own points.
    await expect(page.getByLabel('Samples', { exact: true }).count()).resolves.toBe(0);
    const canvas = page.getByTestId('points-canvas');
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeGreaterThan(250);
    const tap = (fx: number, fy: number) => canvas.click({ position: { x: box.width * fx, y: box.height * fy } });
    for (const [fx, fy] of [[0.2, 0.8], [0.25, 0.7], [0.3, 0.85]]) await tap(fx, fy);
    await page.getByRole('button', { name: 'Class 1 (blue)' }).click();
    // The chosen mode looks chosen: its background differs from the other modes' (they all looked alike).
    const backgrounds = await editor.locator('button[aria-pressed]').evaluateAll((buttons) => buttons.map((b) => ({ pressed: b.getAttribute('aria-pressed') === 'true', background: getComputedStyle(b).backgroundColor })));
    const pressed = backgrounds.filter((b) => b.pressed);
    expect(pressed.map((b) => b.background)).toHaveLength(1);
    expect(backgrounds.filter((b) => !b.pressed).every((b) => b.background !== pressed[0].background)).toBe(true);
    for (const [fx, fy] of [[0.8, 0.2], [0.7, 0.25]]) await tap(fx, fy);
    await expect(page.getByTestId('points-count').textContent()).resolves.toBe('5 points: 3 of class 0, 2 of class 1');
    await expect(canvas.locator('circle').count()).resolves.toBe(5);
    // The eraser removes the point nearest the tap.
    await page.getByRole('button', { name: 'Eraser' }).click();
    await tap(0.25, 0.7);
    await expect(page.getByTestId('points-count').textContent()).resolves.toBe('4 points: 2 of class 0, 2 of class 1');

    // Too few points: the form says what is needed, next to the points, and nothing starts.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(editor.getByRole('alert').first().textContent()).resolves.toBe('6–500 points, at least 2 of each class, coordinates within −1.5 … 1.5.');

    // A CSV with a bad line is refused with its line number; a good one replaces the points.
    const csv = page.getByLabel('CSV (x, y, label)');
    await csv.fill('x,y,label\n0.5,0.5,1\n0.5,oops,0');
    await page.getByRole('button', { name: 'Load CSV' }).click();
    await expect(editor.getByText('Cannot read line 3. Write x, y, label (0 or 1) on each line.').count()).resolves.toBe(1);
    const rows = ['x,y,label'];
    for (let i = 0; i < 12; i++) rows.push(`${(-0.9 + 0.05 * (i % 4)).toFixed(2)},${(-0.9 + 0.05 * Math.floor(i / 4)).toFixed(2)},0`, `${(0.9 - 0.05 * (i % 4)).toFixed(2)},${(0.9 - 0.05 * Math.floor(i / 4)).toFixed(2)},1`);
    await csv.fill(rows.join('\n'));
    await page.getByRole('button', { name: 'Load CSV' }).click();
    await expect(editor.getByText('Loaded 24 points.').count()).resolves.toBe(1);
    await expect(page.getByTestId('points-count').textContent()).resolves.toBe('24 points: 12 of class 0, 12 of class 1');
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: screenshotPath('playground-custom-data-390-en'), fullPage: true });

    await page.getByLabel('Epochs', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForSelector('[data-testid="run-progress"][data-status="COMPLETED"]', { timeout: 90_000 });
    expect(await page.getByRole('img', { name: /decision boundary/i }).count()).toBeGreaterThanOrEqual(1);
    // The finished run's page names the data and how many points, not the numbers.
    await page.getByRole('link', { name: 'Open' }).first().click();
    await page.waitForURL(/\/playground\/runs\//);
    await expect(page.locator('h1').textContent()).resolves.toContain('Your own data');
    await expect(page.getByRole('cell', { name: '24 points' }).count()).resolves.toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    await page.close();
  }, 150_000);

  it('fits a 1280 px page in Korean', async () => {
    const page = await openPlayground('ko', 1280, 800);
    await page.getByLabel('과제', { exact: true }).selectOption('custom');
    await expect(page.getByRole('button', { name: '클래스 1 (파랑)' }).count()).resolves.toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: screenshotPath('playground-custom-data-1280-ko'), fullPage: true });
    await page.close();
  });
});
