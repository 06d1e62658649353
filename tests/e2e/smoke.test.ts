import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, screenshotPath } from './browser';

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('smoke: the running app in Chromium', () => {
  it('shows the home page in Korean, switches to English, and saves a screenshot', async () => {
    const page = await browser.newPage();
    await page.goto(inject('baseUrl'));
    await expect(page.locator('h1').textContent()).resolves.toContain('딥러닝');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('deep learning'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const file = screenshotPath('smoke-home');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(5_000);
  });

  it('opens /api/health and reads that the database is up', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${inject('baseUrl')}/api/health`);
    expect(response?.status()).toBe(200);
    expect(JSON.parse(await page.locator('body').innerText())).toEqual({ ok: true, db: 'up' });
    await page.screenshot({ path: screenshotPath('smoke-health') });
  });
});
