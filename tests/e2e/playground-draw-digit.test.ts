import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { getDb } from '@/lib/db';
import { LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import { ZStoredTrainingConfig } from '@/engine/playground/config-schema';
import { predictDigit } from '@/engine/playground/draw-digit';
import { readStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { createTestUser, signIn } from '../support/auth';
import { launchBrowser, screenshotPath } from './browser';
import { drawSeven } from './draw-seven';

// Issue 17, draw a digit: on a finished CNN run (the playground's run view, then the run page),
// strokes drawn with the mouse become the 12×12 input, and the trained model's prediction, its
// feature maps and the softmax appear — computed in the browser from the run's stored weights,
// equal to the engine's forward pass here on the same input. ko + en, 390 and 1280 px.

const TEXT = {
  en: { train: 'Train', prediction: /^Prediction: \d \(\d+(\.\d)?\s?%\)$/, clear: 'Clear' },
  ko: { train: '학습 시작', prediction: /^예측: \d \(\d+(\.\d)?\s?%\)$/, clear: '지우기' },
} as const;

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  const user = await createTestUser('Digit Student');
  const [name, ...value] = (await signIn(user.email)).split('=');
  await browser.addCookies([{ name, value: value.join('='), url: inject('baseUrl') }]);
});
afterAll(async () => {
  await browser?.close();
});

async function open(locale: Locale, width: number, path: string): Promise<Page> {
  await browser.addCookies([{ name: LOCALE_COOKIE, value: locale, url: inject('baseUrl') }]);
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
  await page.goto(`${inject('baseUrl')}${path}`);
  return page;
}

/** What the page shows after a drawing, checked against the engine's forward pass of the stored run on the page's own input. */
async function expectPrediction(page: Page, locale: Locale, runId: string): Promise<void> {
  const prediction = page.getByTestId('digit-prediction');
  await prediction.waitFor({ timeout: 15_000 });
  await expect(prediction.textContent()).resolves.toMatch(TEXT[locale].prediction);
  const shown = Number(await prediction.getAttribute('data-digit'));
  const probabilities = await page.getByTestId('digit-softmax').locator('li').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-probability'))));
  expect(probabilities).toHaveLength(10);
  expect(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
  expect(shown).toBe(probabilities.indexOf(Math.max(...probabilities)));

  const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } });
  const config = ZStoredTrainingConfig.parse(row.config);
  const last = readStoredMetrics(row.metrics).snapshot;
  if (config.model !== 'cnn' || last?.kind !== 'cnn' || !last.parameters) throw new Error('expected a finished CNN run with its trained weights');
  // Every feature map of the convolution layer (one per filter) is drawn.
  await expect(page.getByTestId('digit-feature-maps').locator('canvas').count()).resolves.toBe(config.filters);
  // The browser's numbers are the engine's on the same 12×12 input, with the stored weights.
  const image = JSON.parse((await page.getByTestId('digit-input').getAttribute('data-image')) ?? '[]') as number[];
  expect(image.some((value) => value > 0.5)).toBe(true);
  const reference = predictDigit(config, last.parameters, image);
  reference.probabilities.forEach((p, digit) => expect(Math.abs(p - probabilities[digit])).toBeLessThan(1e-5));
  expect(shown).toBe(reference.predicted);
}

async function expectFitsTheScreen(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  const small = await page.getByTestId('draw-digit').locator('button, a, input, select, canvas').evaluateAll((elements) =>
    elements.map((element) => element.getBoundingClientRect()).filter((rect) => rect.width < 44 || rect.height < 44).length,
  );
  expect(small).toBe(0);
  // Every percentage of the softmax stays on one line, even the widest one ("100.0%", bold in the top row).
  // (Measured on a copy of the top row, beside it, so React's own nodes are left alone.)
  const wrapped = await page.getByTestId('digit-softmax').locator('li[data-top="true"]').evaluate((row) => {
    const copy = row.cloneNode(true) as HTMLElement;
    row.after(copy);
    const span = copy.lastElementChild as HTMLElement;
    span.textContent = '100.0%';
    const range = document.createRange();
    range.selectNodeContents(span);
    const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    const text = range.getBoundingClientRect();
    const card = row.closest('[data-testid="draw-digit"]')!.getBoundingClientRect();
    copy.remove();
    return { lines: lines.size, spills: text.right > card.right };
  });
  expect(wrapped).toEqual({ lines: 1, spills: false });
  // The timeline's buttons show drawn icons (the ⏮ ⏸ ⏭ characters were empty boxes without an emoji font).
  const icons = await page.getByTestId('run-timeline').locator('button svg[data-icon]').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
  expect(icons.length).toBeGreaterThanOrEqual(3);
  expect(icons.every((width) => width >= 12)).toBe(true);
  expect(await page.getByTestId('run-timeline').locator('button').evaluateAll((buttons) => buttons.filter((b) => /[\u23E9-\u23FA]/.test(b.textContent ?? '')).length)).toBe(0);
}

describe('draw a digit on a trained CNN', () => {
  let runId = '';

  it('trains a CNN, then reads a digit drawn with the mouse in the finished run view and on its page (en, 1280 px)', async () => {
    const page = await open('en', 1280, '/playground');
    await page.getByRole('tab', { name: 'CNN' }).click();
    await page.getByRole('button', { name: TEXT.en.train, exact: true }).click();
    await page.waitForSelector('[data-testid="run-progress"][data-status="COMPLETED"]', { timeout: 90_000 });
    const link = page.getByRole('link', { name: 'Open' }).first();
    runId = (await link.getAttribute('href'))?.split('/').at(-1) ?? '';
    expect(runId).not.toBe('');

    // The live run view, once finished.
    await drawSeven(page);
    await expectPrediction(page, 'en', runId);
    await expectFitsTheScreen(page);
    // Clear empties the square and the answer.
    await page.getByTestId('draw-digit').getByRole('button', { name: TEXT.en.clear }).click();
    await expect(page.getByTestId('digit-prediction').count()).resolves.toBe(0);

    await link.click();
    await page.waitForURL(/\/playground\/runs\//);
    await drawSeven(page);
    await expectPrediction(page, 'en', runId);
    await expectFitsTheScreen(page);
    await page.screenshot({ path: screenshotPath('playground-draw-digit-en-desktop'), fullPage: true });
    await page.close();
  });

  for (const [locale, width] of [['ko', 390], ['en', 390], ['ko', 1280]] as const) {
    it(`reads a drawn digit on the run page (${locale}, ${width} px)`, async () => {
      expect(runId).not.toBe('');
      const page = await open(locale, width, `/playground/runs/${runId}`);
      await drawSeven(page);
      await expectPrediction(page, locale, runId);
      await expectFitsTheScreen(page);
      await page.screenshot({ path: screenshotPath(`playground-draw-digit-${locale}-${width < 500 ? 'phone' : 'desktop'}`), fullPage: true });
      await page.close();
    });
  }
});
