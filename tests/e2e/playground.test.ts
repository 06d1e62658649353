import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { createTestUser } from '../support/auth';
import { launchBrowser, screenshotPath, signInBrowser } from './browser';

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  await signInBrowser(browser, (await createTestUser('Playwright Student')).email);
});
afterAll(async () => {
  await browser?.close();
});

describe('playground in Chromium', () => {
  it('trains an MLP on XOR from the browser and watches the chart grow epoch by epoch', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/playground`);
    await expect(page.locator('h1').textContent()).resolves.toContain('플레이그라운드');
    await page.getByRole('tab', { name: 'MLP' }).click();
    await page.getByLabel('과제', { exact: true }).selectOption('xor');
    await page.getByLabel('에포크', { exact: true }).fill('120');
    await expect(page.getByTestId('param-count').textContent()).resolves.toMatch(/337 \/ 50,000/);

    // Record the number of points on the accuracy curves each time the chart redraws.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { chartSizes: number[] }).chartSizes = seen;
      new MutationObserver(() => {
        const line = document.querySelectorAll('figure svg polyline')[0];
        const count = line?.getAttribute('points')?.split(' ').length ?? 0;
        if (count !== seen.at(-1)) seen.push(count);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: '학습 시작' }).click();
    // The run also streams ~30 network pictures the page draws; on a loaded 2-core machine that takes a while.
    await page.waitForSelector('[data-testid="run-progress"][data-status="COMPLETED"]', { timeout: 90_000 });

    const sizes = await page.evaluate(() => (window as unknown as { chartSizes: number[] }).chartSizes);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(sizes.at(-1)).toBe(120);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    await expect(page.getByTestId('run-progress').textContent()).resolves.toMatch(/에포크 120 \/ 120/);
    await expect(page.getByRole('img', { name: /결정 경계/ }).count()).resolves.toBe(1);

    const file = screenshotPath('playground-xor');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    // The finished run is listed, and opens on its own page with the stored curve.
    await page.getByRole('link', { name: '열기' }).first().click();
    await page.waitForURL(/\/playground\/runs\//);
    await expect(page.locator('h1').textContent()).resolves.toContain('XOR');
    await expect(page.locator('figure svg polyline').first().getAttribute('points')).resolves.toBeTruthy();
    await page.screenshot({ path: screenshotPath('playground-run'), fullPage: true });
  }, 150_000);

  it('shows the parameter limit before a run starts and refuses to send a model over it', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/playground`);
    await page.getByRole('tab', { name: '트랜스포머' }).click();
    await page.getByLabel('d_model', { exact: true }).fill('64');
    await page.getByLabel('헤드 수', { exact: true }).fill('4');
    await page.getByLabel('층 수', { exact: true }).fill('3');
    await page.getByLabel('피드포워드 크기', { exact: true }).fill('128');
    await expect(page.getByTestId('param-count').textContent()).resolves.toMatch(/한도 50,000개를 넘습니다/);
    await page.getByRole('button', { name: '학습 시작' }).click();
    await expect(page.locator('form [role=alert]').textContent()).resolves.toMatch(/빨간색으로 표시된 설정을 고치세요: 파라미터/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('playground-limit-phone'), fullPage: true });
  });

  it('draws each model its own picture: CNN filters and feature maps, RNN vs LSTM gradients, attention per head', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/playground`);
    const train = async (epochs: string, button = '학습 시작') => {
      await page.getByLabel('에포크', { exact: true }).fill(epochs);
      await page.getByRole('button', { name: button }).click();
    };

    await page.getByRole('tab', { name: 'CNN' }).click();
    await train('2');
    await page.waitForSelector('[data-testid="run-progress"][data-status="COMPLETED"]', { timeout: 60_000 });
    await expect(page.getByRole('img', { name: /1층 필터 \d/ }).count()).resolves.toBe(4);
    await expect(page.getByRole('img', { name: /특징 맵 \d/ }).count()).resolves.toBe(4);
    await page.screenshot({ path: screenshotPath('playground-cnn'), fullPage: true });

    await page.getByRole('tab', { name: 'RNN 대 LSTM' }).click();
    await train('2', 'RNN과 LSTM 둘 다 학습');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-progress"][data-status="COMPLETED"]').length === 2, undefined, { timeout: 60_000 });
    await expect(page.getByRole('img', { name: /기울기 크기.*RNN.*LSTM/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath('playground-rnn-lstm'), fullPage: true });

    await page.getByRole('tab', { name: '트랜스포머' }).click();
    await train('3');
    await page.waitForSelector('[data-testid="run-progress"][data-status="COMPLETED"]', { timeout: 60_000 });
    await expect(page.getByRole('img', { name: /1층 헤드 [12]/ }).count()).resolves.toBe(2);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('playground-transformer-phone'), fullPage: true });
  });
});
