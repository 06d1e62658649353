import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { createTestUser, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectTraining, type TrainingClient } from '../integration/training-support';
import { launchBrowser } from './browser';
import { drawSeven } from './draw-seven';

// The screenshots in docs/ (docs/img/*.png): `npm run docs:screenshots` (DOCS_SCREENSHOTS=1; without
// it vitest.config.ts leaves this file out, so npm test neither runs nor skips it). It trains the runs the shots need through the real server, opens each shot's
// page at 390 and 1280 px, crops to the feature, and writes a small palette PNG. To add a shot,
// add a run to RUNS (if it needs one) and an entry to SHOTS, then embed docs/img/<name>-<width>.png.

const OUT = path.resolve(import.meta.dirname, '..', '..', 'docs', 'img');
const WIDTHS = [390, 1280] as const;

/** Your own data: an inner ring of class 0 and an outer ring of class 1. */
const RING_POINTS = Array.from({ length: 24 }, (_, i): [number, number, 0 | 1] => {
  const angle = (i / 24) * 2 * Math.PI;
  const radius = i % 2 === 0 ? 0.4 : 1.1;
  return [Math.round(radius * Math.cos(angle) * 100) / 100, Math.round(radius * Math.sin(angle) * 100) / 100, i % 2 === 0 ? 0 : 1];
});

/** The runs the shots show, trained once, in this order, by one student. */
const RUNS: Record<string, TTrainingConfig> = {
  mlp: { ...DEFAULT_CONFIGS.mlp, task: 'xor', hidden: [4, 3], activation: 'tanh', epochs: 60, lrSchedule: [{ epoch: 30, lr: 0.01 }], weightDecaySchedule: [{ epoch: 40, weightDecay: 0.01 }] },
  custom: { ...DEFAULT_CONFIGS.mlp, task: 'custom', hidden: [8], epochs: 60, points: RING_POINTS },
  cnn: { ...DEFAULT_CONFIGS.cnn },
  transformer: { ...DEFAULT_CONFIGS.transformer },
};
type RunIds = Record<keyof typeof RUNS, string>;

interface Shot {
  /** File name without the width: docs/img/<name>-<width>.png. */
  name: string;
  locale: Locale;
  path: (runs: RunIds) => string;
  /** What to do on the page before the picture (click, draw …). */
  prepare?: (page: Page) => Promise<void>;
  /** Crop to this element (else the viewport). */
  element?: string;
}

/** One list of every screenshot the docs embed. */
const SHOTS: Shot[] = [
  { name: 'playground-mlp-timeline', locale: 'en', path: (runs) => `/playground/runs/${runs.mlp}`, element: '[data-testid="run-timeline"]' },
  {
    name: 'playground-custom-data',
    locale: 'en',
    path: () => '/playground',
    prepare: async (page) => {
      await page.getByRole('tab', { name: 'MLP' }).click();
      await page.getByLabel('Task', { exact: true }).selectOption('custom');
      await page.getByLabel('CSV (x, y, label)').fill(['x,y,label', ...RING_POINTS.map((point) => point.join(','))].join('\n'));
      await page.getByRole('button', { name: 'Load CSV' }).click();
    },
    element: '[data-testid="points-editor"]',
  },
  {
    name: 'playground-cnn-draw-digit',
    locale: 'en',
    path: (runs) => `/playground/runs/${runs.cnn}`,
    prepare: async (page) => {
      await drawSeven(page);
      await page.getByTestId('digit-prediction').waitFor();
    },
    element: '[data-testid="draw-digit"]',
  },
  {
    name: 'playground-transformer-trace',
    locale: 'en',
    path: (runs) => `/playground/runs/${runs.transformer}`,
    prepare: async (page) => {
      await page.locator('#trace-text').fill('the cat sat on the mat');
      await page.getByRole('button', { name: 'Trace', exact: true }).click();
      await page.getByRole('button', { name: '6. Softmax', exact: true }).click();
      await page.locator('[data-cell="weight-0-5"]').click();
    },
    element: '[data-testid="trace-view"]',
  },
  { name: 'playground-run-page', locale: 'ko', path: (runs) => `/playground/runs/${runs.custom}` },
];

/** A palette PNG (sharp ships with Next); the plain screenshot where sharp is missing. */
async function smallPng(png: Buffer): Promise<Buffer> {
  try {
    const { default: sharp } = await import('sharp');
    return await sharp(png).png({ palette: true, colors: 96, compressionLevel: 9, effort: 10 }).toBuffer();
  } catch {
    return png;
  }
}

describe('screenshots for the docs', () => {
  let browser: BrowserContext;
  let training: TrainingClient;
  const runs = {} as RunIds;

  beforeAll(async () => {
    const user = await createTestUser('Nova');
    const cookie = await signIn(user.email);
    training = await connectTraining(cookie);
    for (const [key, config] of Object.entries(RUNS)) {
      const { runId } = expectOk(await training.start(config));
      const end = await training.waitForEnd(runId, 120_000);
      expect(end.status).toBe('COMPLETED');
      runs[key as keyof RunIds] = runId;
    }
    browser = await launchBrowser();
    const [name, ...value] = cookie.split('=');
    await browser.addCookies([{ name, value: value.join('='), url: inject('baseUrl') }]);
    fs.mkdirSync(OUT, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    training?.close();
    await browser?.close();
  });

  for (const shot of SHOTS) {
    for (const width of WIDTHS) {
      it(`${shot.name} at ${width} px`, async () => {
        await browser.addCookies([{ name: LOCALE_COOKIE, value: shot.locale, url: inject('baseUrl') }]);
        const page = await browser.newPage();
        await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
        await page.goto(`${inject('baseUrl')}${shot.path(runs)}`);
        await shot.prepare?.(page);
        const target = shot.element ? page.locator(shot.element).first() : page;
        const png = await target.screenshot({ animations: 'disabled' });
        const file = path.join(OUT, `${shot.name}-${width}.png`);
        fs.writeFileSync(file, await smallPng(png));
        expect(fs.statSync(file).size).toBeLessThan(400_000);
        await page.close();
      });
    }
  }
});
