import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { loadCourse } from '@/lib/content/load-course';
import { exerciseTypeIds } from '@/engine/exercises';
import type { CourseContent } from '@/lib/content/unit-schema';
import type { FigureName } from '@/lib/content/figure-names';
import { formatNumber } from '@/components/figures/format-number';
import { createTestUser, signIn } from '../support/auth';
import { launchBrowser, screenshotPath } from './browser';

// Every unit in both languages: title, a typeset formula, and each figure driven by hand
// (type, drag with the keyboard, step with arrow keys) until one of its numbers changes.

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LOCALES = [
  { locale: 'ko', browserLocale: 'ko-KR' },
  { locale: 'en', browserLocale: 'en-US' },
] as const;
type Locale = (typeof LOCALES)[number]['locale'];

let course: CourseContent;
const browsers = new Map<Locale, BrowserContext>();

beforeAll(async () => {
  course = await loadCourse({ unitsDir: path.join(ROOT, 'content', 'units'), exerciseIds: exerciseTypeIds });
  for (const { locale, browserLocale } of LOCALES) browsers.set(locale, await launchBrowser({ locale: browserLocale }));
});
afterAll(async () => {
  for (const browser of browsers.values()) await browser.close();
});

async function openUnit(browser: BrowserContext, unitId: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(`${inject('baseUrl')}/units/${unitId}`);
  expect(response?.status()).toBe(200);
  return page;
}

async function figureOf(page: Page, name: FigureName) {
  const figure = page.locator(`figure[data-figure="${name}"]`);
  await figure.scrollIntoViewIfNeeded();
  await page.waitForSelector(`figure[data-figure="${name}"][data-ready="true"]`);
  return figure;
}

// textContent, not innerText: some numbers are SVG <text> nodes.
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

/** Waits until the element's text differs from `before` and returns it. */
async function changedText(page: Page, selector: string, before: string): Promise<string> {
  await page.waitForFunction(([sel, old]) => (document.querySelector(sel)?.textContent ?? '').trim() !== old, [selector, before] as const, { timeout: 10_000 });
  return text(page, selector);
}

const interactions: Record<FigureName, (page: Page, locale: Locale) => Promise<void>> = {
  async 'decision-boundary'(page) {
    const status = '[data-testid="decision-boundary-status"]';
    const start = await text(page, status);
    expect(start).toMatch(/4\s*\/\s*4|4 of 4/);
    await page.locator('figure[data-figure="decision-boundary"] button', { hasText: 'XOR' }).click();
    const xor = await changedText(page, status, start);
    expect(xor).toMatch(/1\s*\/\s*4|1 of 4/);
    // Keyboard: focus the bias slider and move it one step.
    await page.locator('#db-b').focus();
    await page.keyboard.press('ArrowRight');
    const moved = await changedText(page, status, xor);
    expect(moved).toContain('−1.4');
    await page.locator('figure[data-figure="decision-boundary"] button[aria-pressed="false"]').last().click();
    expect(await changedText(page, status, moved)).toMatch(/4\s*\/\s*4|4 of 4/);
  },

  async 'comp-graph'(page) {
    const total = '[data-edge="total"] [data-role="forward"]';
    const appleGrad = '[data-edge="applePrice"] [data-role="backward"]';
    expect(await text(page, total)).toBe('715');
    expect(await text(page, appleGrad)).toBe('2.2');
    await page.locator('#comp-graph-appleCount').fill('4');
    expect(await changedText(page, total, '715')).toBe(formatNumber((100 * 4 + 150 * 3) * 1.1));
    expect(await text(page, appleGrad)).toBe(formatNumber(4 * 1.1));
    await page.locator('#comp-graph-tax').fill('abc');
    await expect(page.locator('#comp-graph-tax[aria-invalid="true"]').count()).resolves.toBe(1);
    expect(await text(page, total)).toBe(formatNumber((100 * 4 + 150 * 3) * 1.1));
  },

  async 'conv-stepper'(page) {
    const expression = '[data-testid="conv-expression"]';
    const first = await text(page, expression);
    expect(first).toMatch(/= 4$/);
    await page.locator('figure[data-figure="conv-stepper"] button', { hasText: /다음|Next/ }).click();
    const second = await changedText(page, expression, first);
    expect(second).toMatch(/= 3$/);
    // Arrow keys on the output grid step the filter.
    await page.locator('[data-testid="conv-output"]').focus();
    await page.keyboard.press('ArrowDown');
    const below = await changedText(page, expression, second);
    expect(below).toMatch(/= 4$/);
    // Editing a filter weight changes the sums.
    await page.locator('#conv-kernel-1-1').fill('5');
    expect(await changedText(page, expression, below)).toMatch(/= 8$/);
  },

  async 'lstm-gates'(page) {
    const forget = '[data-gate="f"]';
    const start = await text(page, forget);
    expect(start).toBe('0.881');
    await page.locator('#lstm-forget-bias').focus();
    await page.keyboard.press('ArrowRight');
    expect(await changedText(page, forget, start)).toBe(formatNumber(1 / (1 + Math.exp(-2.5))));
    const update = '[data-testid="lstm-update"]';
    const before = await text(page, update);
    await page.locator('[data-testid="lstm-chart"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await changedText(page, update, before)).toMatch(/^(단계|Step) 2/);
    await page.locator('#lstm-sequence').fill('1, x');
    await expect(page.locator('#lstm-sequence-help[role="alert"]').count()).resolves.toBe(1);
    await page.locator('#lstm-sequence').fill('-8, 3');
    expect(await changedText(page, forget, formatNumber(1 / (1 + Math.exp(-2.5))))).not.toBe('0.924');
  },

  async 'attention-heatmap'(page) {
    const firstRow = '[data-testid="attention-heatmap"] tbody tr:first-child td';
    const cells = () => page.locator(firstRow).allInnerTexts();
    expect(await cells()).toEqual(['0.422', '0.155', '0.422']);
    await page.locator('#attn-q-0-0').fill('3');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent !== '0.422', firstRow);
    const edited = await cells();
    expect(edited).not.toEqual(['0.422', '0.155', '0.422']);
    await page.locator('figure[data-figure="attention-heatmap"] input[type="checkbox"]').check();
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '1', firstRow);
    expect(await cells()).toEqual(['1', '0', '0']);
  },
};

describe('unit pages in Chromium', () => {
  for (const { locale } of LOCALES) {
    for (const unitId of ['perceptron', 'backprop', 'regularization', 'cnn', 'rnn-lstm', 'attention']) {
      it(`shows unit "${unitId}" in ${locale} with its title and KaTeX, and every figure responds to input`, async () => {
        const unit = course.units.find((candidate) => candidate.id === unitId)!;
        const page = await openUnit(browsers.get(locale)!, unitId);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        expect(await text(page, 'h1')).toBe(unit.body[locale].title);
        const formula = page.locator('.katex').first();
        await expect(formula.isVisible()).resolves.toBe(true);
        expect((await formula.boundingBox())?.width).toBeGreaterThan(5);
        await page.screenshot({ path: screenshotPath(`units-${unitId}-${locale}`) });
        for (const name of unit.figures) {
          const figure = await figureOf(page, name);
          await interactions[name](page, locale);
          const file = screenshotPath(`units-${unitId}-${locale}-${name}`);
          await figure.screenshot({ path: file });
          expect(fs.statSync(file).size).toBeGreaterThan(5_000);
        }
        await page.close();
      });
    }
  }

  it('fits a phone screen: no sideways scrolling of the page, figure included', async () => {
    const page = await browsers.get('ko')!.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const unitId of ['attention', 'backprop', 'cnn']) {
      await page.goto(`${inject('baseUrl')}/units/${unitId}`);
      const figure = await figureOf(page, course.units.find((unit) => unit.id === unitId)!.figures[0]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      // Each exercise's difficulty is a labelled line under its title, not dots crowding the title.
      const item = page.locator('[data-exercise]').first();
      const [title, difficulty] = await Promise.all([item.locator('a').first().boundingBox(), item.getByText('난이도:').boundingBox()]);
      expect(difficulty!.y).toBeGreaterThanOrEqual(title!.y + title!.height - 1);
      await figure.screenshot({ path: screenshotPath(`units-${unitId}-phone`) });
    }
    await page.close();
  });

  it('lets a signed-in student mark a unit as read, and the page then says so', async () => {
    const user = await createTestUser('Browser reader');
    const cookie = await signIn(user.email);
    const separator = cookie.indexOf('=');
    const browser = await launchBrowser({ locale: 'en-US' });
    try {
      await browser.addCookies([
        { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: inject('baseUrl') },
        { name: 'bpl-locale', value: 'en', url: inject('baseUrl') },
      ]);
      const page = await browser.newPage();
      await page.goto(`${inject('baseUrl')}/units/regularization`);
      const button = page.getByRole('button', { name: /mark as read/i });
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await page.waitForSelector('[data-testid="read-state"]');
      expect(await text(page, '[data-testid="read-state"]')).toMatch(/^You marked this unit as read on /);
      expect(await text(page, '[data-testid="unit-progress"]')).toContain('✓ Read');
      await page.screenshot({ path: screenshotPath('units-marked-read') });
    } finally {
      await browser.close();
    }
  });
});
