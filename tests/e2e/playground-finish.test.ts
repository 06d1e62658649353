import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { getDb } from '@/lib/db';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { trainModel } from '@/engine/playground/train-model';
import { toStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { createTestClass, createTestUser, type TestUser } from '../support/auth';
import { launchBrowser, screenshotPath, signInBrowser } from './browser';

// Issue 19's playground points, at phone and desktop width in both languages: knob errors say the
// allowed range once, next to the knob; charts take the width they have, with round ticks and a
// clear empty state; a fork names what it came from (model, data, when, whose public label).

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const TEXT = {
  ko: { lrError: '0.00001 – 5 사이의 값을 입력하세요.', lrLabel: '학습률', train: '학습 시작', empty: '학습을 시작하면 곡선이 그려집니다.', by: '만든 사람' },
  en: { lrError: 'Enter a number from 0.00001 to 5.', lrLabel: 'Learning rate', train: 'Train', empty: 'The curve appears when training starts.', by: 'By' },
} as const;

let browser: BrowserContext;
let student: TestUser;
let classmate: TestUser;
let classmateRunId = '';
let ownForkId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  student = await createTestUser('Finish Student');
  classmate = await createTestUser('Hidden Realname');
  const { id: classId } = await createTestClass([{ user: student, role: 'STUDENT' }, { user: classmate, role: 'STUDENT' }], 'Fork class');
  // The class shows nicknames, so classmates see the public label (nickname, else "Student N"), never the real name.
  await getDb().class.update({ where: { id: classId }, data: { showNicknames: true } });
  await getDb().membership.update({ where: { userId_classId: { userId: classmate.id, classId } }, data: { nickname: 'Nova' } });
  // A classmate's finished run, entered in a challenge of the class: visible to the student, and forkable.
  const config = { ...DEFAULT_CONFIGS.mlp, task: 'xor' as const, epochs: 5 };
  const outcome = trainModel(config);
  const run = await getDb().trainingRun.create({
    data: {
      userId: classmate.id, model: 'mlp', task: 'xor', config, seed: config.seed, status: 'COMPLETED', params: outcome.params,
      metrics: toStoredMetrics(outcome.metrics, outcome.frames), finalValAcc: outcome.finalValAcc, finishedAt: new Date(),
    },
  });
  classmateRunId = run.id;
  const challenge = await getDb().challenge.create({
    data: { classId, createdById: classmate.id, title: 'XOR race', task: 'xor', model: 'mlp', maxParams: 50_000, maxSeconds: 30, closesAt: new Date(Date.now() + 86_400_000) },
  });
  await getDb().challengeEntry.create({ data: { challengeId: challenge.id, runId: run.id, userId: classmate.id } });
  const fork = await getDb().trainingRun.create({
    data: {
      userId: student.id, model: 'mlp', task: 'xor', config, seed: config.seed, status: 'COMPLETED', params: outcome.params,
      metrics: toStoredMetrics(outcome.metrics, outcome.frames), finalValAcc: outcome.finalValAcc, forkedFromId: run.id, finishedAt: new Date(),
    },
  });
  ownForkId = fork.id;
  await signInBrowser(browser, student.email);
});
afterAll(async () => {
  await browser?.close();
});

async function openIn(locale: 'ko' | 'en', size: (typeof SIZES)[number], path: string): Promise<Page> {
  await browser.addCookies([{ name: LOCALE_COOKIE, value: locale, url: inject('baseUrl') }]);
  const page = await browser.newPage();
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.goto(`${inject('baseUrl')}${path}`);
  return page;
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
const occurrences = (page: Page, text: string) => page.evaluate((t) => document.body.innerText.split(t).length - 1, text);

describe('playground knobs, charts and forks (issue 19)', () => {
  for (const locale of ['ko', 'en'] as const) {
    for (const size of SIZES) {
      it(`says a knob's allowed range once, next to it, and draws empty charts at full width (${locale}, ${size.width} px)`, async () => {
        const text = TEXT[locale];
        const page = await openIn(locale, size, '/playground');
        const lr = page.getByLabel(text.lrLabel, { exact: true });
        await lr.fill('9');
        await expect(page.getByTestId('knob-hint-lr').textContent()).resolves.toBe(text.lrError);
        await expect(lr.getAttribute('aria-invalid')).resolves.toBe('true');
        await page.getByRole('button', { name: text.train, exact: true }).click();
        const alert = page.locator('form [role=alert]');
        await expect(alert.textContent()).resolves.toContain(text.lrLabel);
        // The reason stands under the knob only: the summary names the knob, the range is not repeated.
        expect(await occurrences(page, text.lrError)).toBe(1);
        await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).resolves.toBe('lr');
        await expect(page.locator('body').textContent()).resolves.not.toMatch(/Too big|Too small|expected number/);

        // Empty charts: no invented numbers, a sentence instead, and the SVG as wide as its box.
        const charts = await page.locator('figure svg[data-empty]').evaluateAll((svgs) =>
          svgs.map((svg) => ({ empty: svg.getAttribute('data-empty'), width: svg.getBoundingClientRect().width, box: svg.parentElement!.getBoundingClientRect().width, text: svg.textContent ?? '' })),
        );
        expect(charts).toHaveLength(2);
        for (const chart of charts) {
          expect(chart.empty).toBe('true');
          expect(chart.text).toContain(text.empty);
          expect(chart.text).not.toContain('0.000');
          expect(Math.abs(chart.width - chart.box)).toBeLessThanOrEqual(2);
          expect(chart.width).toBeGreaterThanOrEqual(size.width === 390 ? 300 : 280);
        }
        expect(await scrollsSideways(page)).toBe(false);
        await page.screenshot({ path: screenshotPath(`playground-knob-error-${locale}-${size.name}`), fullPage: true });
        await page.close();
      });
    }
  }

  for (const locale of ['ko', 'en'] as const) {
    it(`names a fork's origin by model, data, date and public label, never a real name or a raw id (${locale})`, async () => {
      const page = await openIn(locale, SIZES[0], `/playground?fork=${classmateRunId}`);
      const banner = page.getByTestId('fork-banner');
      await page.waitForFunction(() => !document.querySelector('[data-testid="fork-banner"]')?.textContent?.includes('UTC'));
      const text = (await banner.textContent()) ?? '';
      expect(text).toContain(locale === 'ko' ? 'Nova의' : 'Nova’s');
      expect(text).toContain(locale === 'ko' ? '다층 퍼셉트론(MLP) · XOR' : 'MLP · XOR');
      expect(text).toContain(String(new Date().getUTCFullYear()));
      expect(text).not.toContain(classmateRunId);
      await expect(page.locator('body').textContent()).resolves.not.toContain('Hidden Realname');
      expect(await scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: screenshotPath(`playground-fork-banner-${locale}-phone`), fullPage: true });

      // The forked run's own page says the same; the classmate's page says whose by label.
      await page.goto(`${inject('baseUrl')}/playground/runs/${ownForkId}`);
      await expect(page.getByTestId('fork-banner').textContent()).resolves.toContain('Nova');
      await page.goto(`${inject('baseUrl')}/playground/runs/${classmateRunId}`);
      await expect(page.locator('main').textContent()).resolves.toContain(`${TEXT[locale].by} Nova`);
      await expect(page.locator('body').textContent()).resolves.not.toContain('Hidden Realname');
      await page.close();
    });
  }
});
