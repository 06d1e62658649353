import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { trainModel } from '@/engine/playground/train-model';
import type { TrainingSnapshot } from '@/engine/playground/types';
import { getDb } from '@/lib/db';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { readStoredMetrics, toStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { createTestUser, signIn, type TestUser } from '../support/auth';
import { launchBrowser, screenshotPath, waitForHydration } from './browser';
import { illegibleSvgText } from './svg-text';

// Issue 17 "stored runs replay" and the RNN-vs-LSTM pair on one timeline, in Chromium: the pair
// trained live steps both runs' snapshots together (and again on the compare page, stored); every
// model kind's stored run replays on its run page with the timeline and its picture, at 390 and
// 1280 px in Korean and English, without sideways scroll (and, as every browser test, without a
// console error).

let browser: BrowserContext;
let user: TestUser;
beforeAll(async () => {
  browser = await launchBrowser();
  user = await createTestUser('Replay Student');
  const [name, ...value] = (await signIn(user.email)).split('=');
  await browser.addCookies([{ name, value: value.join('='), url: inject('baseUrl') }]);
});
afterAll(async () => {
  await browser?.close();
});

const VIEWS = [
  { locale: 'en', width: 1280 },
  { locale: 'ko', width: 390 },
  { locale: 'ko', width: 1280 },
  { locale: 'en', width: 390 },
] as const;

const TEXT = {
  en: { frame: (k: number, n: number, e: number) => `Snapshot ${k} of ${n} · epoch ${e}`, epoch: (name: string, e: number) => `${name}: epoch ${e}`, scrub: 'Choose a snapshot', back: 'Previous snapshot', gradients: 'Gradient size per step' },
  ko: { frame: (k: number, n: number, e: number) => `스냅숏 ${k} / ${n} · 에포크 ${e}`, epoch: (name: string, e: number) => `${name}: 에포크 ${e}`, scrub: '스냅숏 고르기', back: '이전 스냅숏', gradients: '시점별 기울기 크기' },
};

async function open(locale: 'ko' | 'en', width: number, path: string): Promise<Page> {
  await browser.addCookies([{ name: LOCALE_COOKIE, value: locale, url: inject('baseUrl') }]);
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
  await page.goto(`${inject('baseUrl')}${path}`);
  // The timeline's slider and buttons act only once React has hydrated (a fill before that was lost).
  await waitForHydration(page);
  return page;
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent();

/** Trains a configuration here (the engine is the same) and stores it as the server stores a finished run. */
async function storeTrainedRun(config: TTrainingConfig): Promise<{ id: string; frames: TrainingSnapshot[] }> {
  const outcome = trainModel(config);
  const run = await getDb().trainingRun.create({
    data: {
      userId: user.id, model: config.model, task: config.task, config, seed: config.seed, status: 'COMPLETED', params: outcome.params,
      metrics: toStoredMetrics(outcome.metrics, outcome.frames), finalValAcc: outcome.finalValAcc, finishedAt: new Date(),
    },
  });
  return { id: run.id, frames: readStoredMetrics(run.metrics).frames };
}

/** The shared timeline's epochs: every epoch at which either run took a picture. */
const unionEpochs = (...runs: TrainingSnapshot[][]) => [...new Set(runs.flat().map((frame) => frame.epoch))].sort((a, b) => a - b);

/** The model's own picture of the chosen snapshot, inside the run's timeline (next to its two charts). */
async function expectPicture(page: Page, config: TTrainingConfig, frame: TrainingSnapshot, locale: 'ko' | 'en'): Promise<void> {
  const timeline = page.getByTestId('run-timeline');
  const charts = 2;
  if (frame.kind === 'boundary') {
    const label = await timeline.locator('canvas[role="img"]').first().getAttribute('aria-label');
    expect(label, config.model).toContain(locale === 'en' ? `epoch ${frame.epoch}:` : `${frame.epoch} 에포크`);
  } else if (frame.kind === 'cnn') {
    // The input, each filter and each feature map (besides the draw-a-digit canvas of a finished run).
    await expect(timeline.locator('canvas[role="img"]:not([data-testid="draw-canvas"])').count()).resolves.toBe(1 + 2 * frame.filters.length);
  } else if (frame.kind === 'sequence') {
    await expect(timeline.locator('svg[role="img"]').count()).resolves.toBe(charts + 1);
    await expect(timeline.locator('svg[role="img"]').last().locator('polyline').count()).resolves.toBe(1);
  } else {
    // One heatmap per layer and head.
    await expect(timeline.locator('svg[role="img"]').count()).resolves.toBe(charts + frame.weights.flat().length);
  }
}

describe('replaying runs', () => {
  it('trains RNN and LSTM side by side on one timeline that steps both together, then compares the stored pair (en, 1280 px)', async () => {
    const page = await open('en', 1280, '/playground');
    await page.getByRole('tab', { name: 'RNN vs LSTM' }).click();
    await page.getByLabel('Sequence length', { exact: true }).fill('8');
    await page.getByLabel('Samples', { exact: true }).fill('200');
    await page.getByLabel('Epochs', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Train RNN and LSTM' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-progress"][data-status="COMPLETED"]').length === 2, undefined, { timeout: 90_000 });

    // The stored pair (the server stores a run's curve and pictures as it finishes).
    let stored = await getDb().trainingRun.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' }, select: { id: true, model: true, metrics: true, status: true } });
    for (let tries = 0; tries < 50 && stored.some((run) => run.status !== 'COMPLETED'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      stored = await getDb().trainingRun.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' }, select: { id: true, model: true, metrics: true, status: true } });
    }
    expect(stored.map((run) => run.model)).toEqual(['rnn', 'lstm']);
    const [rnnFrames, lstmFrames] = stored.map((run) => readStoredMetrics(run.metrics).frames);
    const epochs = unionEpochs(rnnFrames, lstmFrames);
    const n = epochs.length;
    expect(n).toBeGreaterThan(2);
    const timeline = page.getByTestId('pair-timeline');
    await page.waitForFunction((expected) => document.querySelector('[data-testid="pair-timeline"] [data-testid="timeline-position"]')?.textContent === expected, TEXT.en.frame(n, n, epochs[n - 1]));
    await expect(text(page, 'pair-epochs')).resolves.toBe(`${TEXT.en.epoch('RNN', rnnFrames.at(-1)!.epoch)} · ${TEXT.en.epoch('LSTM', lstmFrames.at(-1)!.epoch)}`);
    // One gradient chart with both runs' lines.
    await expect(timeline.locator(`svg[aria-label^="${TEXT.en.gradients}"] polyline`).count()).resolves.toBe(2);

    // Step back: both runs move to the same earlier epoch.
    await timeline.getByRole('button', { name: TEXT.en.back }).click();
    await expect(text(page, 'timeline-position')).resolves.toBe(TEXT.en.frame(n - 1, n, epochs[n - 2]));
    await expect(text(page, 'pair-epochs')).resolves.toBe(`${TEXT.en.epoch('RNN', epochs[n - 2])} · ${TEXT.en.epoch('LSTM', epochs[n - 2])}`);
    await expect(page.getByTestId('chart-cursor').count()).resolves.toBe(2);
    await timeline.getByRole('slider', { name: TEXT.en.scrub }).fill('0');
    await expect(text(page, 'timeline-position')).resolves.toBe(TEXT.en.frame(1, n, epochs[0]));
    // Play at 4× to the end; a finished pair stops there.
    await timeline.getByLabel('Speed').selectOption('4');
    await timeline.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction((expected) => document.querySelector('[data-testid="pair-timeline"] [data-testid="timeline-position"]')?.textContent === expected, TEXT.en.frame(n, n, epochs[n - 1]), { timeout: 15_000 });
    await timeline.getByRole('button', { name: 'Play' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: screenshotPath('playground-pair-timeline-en-desktop'), fullPage: true });

    // Ticked in the run list and compared: the same shared timeline over the stored runs.
    await page.getByRole('checkbox', { name: /^Compare the two selected: / }).nth(0).check();
    await page.getByRole('checkbox', { name: /^Compare the two selected: / }).nth(1).check();
    await page.getByRole('link', { name: 'Compare the two selected', exact: true }).click();
    await page.waitForURL(/\/playground\/compare\?/);
    await expect(text(page, 'timeline-position')).resolves.toBe(TEXT.en.frame(n, n, epochs[n - 1]));
    await page.getByRole('slider', { name: TEXT.en.scrub }).fill('1');
    await expect(text(page, 'timeline-position')).resolves.toBe(TEXT.en.frame(2, n, epochs[1]));
    // Named A and B in the order they were ticked; both at the chosen epoch.
    const pair = await text(page, 'pair-epochs');
    expect(pair).toContain(`RNN: epoch ${epochs[1]}`);
    expect(pair).toContain(`LSTM: epoch ${epochs[1]}`);
    expect(await scrollsSideways(page)).toBe(false);
    await page.close();
  });

  it('replays the stored RNN/LSTM pair on the compare page at 390 and 1280 px in Korean and English', async () => {
    // 30 steps, as the defaults: the last step's label "t=30" was cut off at the chart's edge (QA).
    const knobs = { samples: 150, seqLength: 30, hiddenSize: 6, epochs: 8 };
    const rnn = await storeTrainedRun({ ...DEFAULT_CONFIGS.rnn, ...knobs });
    const lstm = await storeTrainedRun({ ...DEFAULT_CONFIGS.lstm, ...knobs });
    const epochs = unionEpochs(rnn.frames, lstm.frames);
    const n = epochs.length;
    for (const { locale, width } of VIEWS) {
      const page = await open(locale, width, `/playground/compare?a=${rnn.id}&b=${lstm.id}`);
      const t = TEXT[locale];
      await expect(text(page, 'timeline-position')).resolves.toBe(t.frame(n, n, epochs[n - 1]));
      await page.getByRole('slider', { name: t.scrub }).fill('0');
      await expect(text(page, 'timeline-position')).resolves.toBe(t.frame(1, n, epochs[0]));
      await expect(text(page, 'pair-epochs')).resolves.toBe(`${t.epoch('A · RNN', epochs[0])} · ${t.epoch('B · LSTM', epochs[0])}`);
      await expect(page.getByTestId('pair-timeline').locator(`svg[aria-label^="${t.gradients}"] polyline`).count()).resolves.toBe(2);
      const gradients = page.getByTestId('pair-timeline').locator('figure').filter({ has: page.locator(`svg[aria-label^="${t.gradients}"]`) });
      await expect(gradients.locator('text').allTextContents()).resolves.toContain('t=30');
      await expect(illegibleSvgText(page.getByTestId('pair-timeline'))).resolves.toEqual([]);
      expect(await scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: screenshotPath(`playground-compare-pair-${locale}-${width}`), fullPage: true });
      await page.close();
    }
  });

  it('labels a learning-rate and a weight-decay change at the same epoch apart and whole, also at the right edge (ko/en × 390/1280 px)', async () => {
    // Both knobs changed together twice: mid-run, and one epoch before the end (labels cannot go right there).
    const { id } = await storeTrainedRun({
      ...DEFAULT_CONFIGS.mlp, task: 'xor', samples: 80, hidden: [4], epochs: 20, patience: 0,
      lrSchedule: [{ epoch: 8, lr: 0.002 }, { epoch: 19, lr: 0.0005 }],
      weightDecaySchedule: [{ epoch: 8, weightDecay: 0.01 }, { epoch: 19, weightDecay: 0.02 }],
    });
    for (const { locale, width } of VIEWS) {
      const page = await open(locale, width, `/playground/runs/${id}`);
      const timeline = page.getByTestId('run-timeline');
      await expect(timeline.getByTestId('chart-marker').count()).resolves.toBe(8);
      await expect(illegibleSvgText(timeline, { distinct: '[data-testid="chart-marker"] text' })).resolves.toEqual([]);
      expect(await scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: screenshotPath(`playground-markers-same-epoch-${locale}-${width}`), fullPage: true });
      await page.close();
    }
  });

  it('replays a stored run of every model kind on its run page with the timeline and its picture (ko/en × 390/1280 px)', async () => {
    const configs: TTrainingConfig[] = [
      { ...DEFAULT_CONFIGS.perceptron, task: 'and', epochs: 12 },
      { ...DEFAULT_CONFIGS['delta-rule'], task: 'or', epochs: 12 },
      { ...DEFAULT_CONFIGS.mlp, task: 'xor', samples: 80, hidden: [4], epochs: 10 },
      { ...DEFAULT_CONFIGS.cnn, samples: 100, filters: 2, epochs: 3 },
      { ...DEFAULT_CONFIGS.rnn, samples: 100, seqLength: 5, hiddenSize: 4, epochs: 6 },
      { ...DEFAULT_CONFIGS.lstm, samples: 100, seqLength: 5, hiddenSize: 4, epochs: 6 },
      { ...DEFAULT_CONFIGS.transformer, samples: 100, epochs: 6 },
    ];
    for (const [k, config] of configs.entries()) {
      const { id, frames } = await storeTrainedRun(config);
      const n = frames.length;
      expect(n, config.model).toBeGreaterThan(1);
      const { locale, width } = VIEWS[k % VIEWS.length];
      const t = TEXT[locale];
      const page = await open(locale, width, `/playground/runs/${id}`);
      const timeline = page.getByTestId('run-timeline');
      await expect(text(page, 'timeline-position')).resolves.toBe(t.frame(n, n, frames[n - 1].epoch));
      await timeline.getByRole('slider', { name: t.scrub }).fill('0');
      await expect(text(page, 'timeline-position')).resolves.toBe(t.frame(1, n, frames[0].epoch));
      await expect(page.getByTestId('chart-cursor').count()).resolves.toBe(2);
      await expectPicture(page, config, frames[0], locale);
      expect(await scrollsSideways(page), config.model).toBe(false);
      await page.screenshot({ path: screenshotPath(`playground-replay-${config.model}-${locale}-${width}`), fullPage: true });
      await page.close();
    }
  });
});
