import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import { createTestUser, signIn } from '../support/auth';
import { connectTraining } from '../integration/training-support';
import { addSessionCookie, launchBrowser, screenshotPath } from './browser';

// Issue 17, your own sentence: on a trained Transformer's run page, type a sentence, step through
// the forward and backward pass, tap a score and answer it as a question — at 390 and 1280 px, in
// Korean and English, with no sideways scroll, no tap target under 44 px and no console error.

let browser: BrowserContext;
let runId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const user = await createTestUser('Trace Student');
  const cookie = await signIn(user.email);
  const client = await connectTraining(cookie);
  const started = await client.start({ ...DEFAULT_CONFIGS.transformer, samples: 200, epochs: 6, seed: 5 });
  if (!started.ok) throw new Error(started.error.message);
  runId = started.runId;
  await client.waitForEnd(runId);
  client.close();
  await addSessionCookie(browser, cookie);
});
afterAll(async () => {
  await browser?.close();
});

/** What scrolls the page sideways, and every visible control in the trace under 44×44 px. */
const inspect = (page: Page) =>
  page.evaluate(() => ({
    isScrollingSideways: document.documentElement.scrollWidth > window.innerWidth,
    smallTargets: [...document.querySelectorAll('[data-testid="trace-view"] :is(button, input, select, summary)')]
      .map((element) => ({ element, rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0 && (rect.width < 43.5 || rect.height < 43.5))
      .map(({ element, rect }) => `${element.textContent?.trim() || element.getAttribute('id')} ${Math.round(rect.width)}×${Math.round(rect.height)}`),
  }));

const TEXT = {
  en: { trace: 'Trace', next: 'Next →', make: 'Make this an exercise', check: 'Check', correct: 'Correct!', wrong: 'Not yet right.', sentence: 'the cat sat on the mat', badLength: 'This model reads exactly 6 words (you gave 3).', back: '← Back to the trace', noWords: /^There are no words to read: .*emoji and symbols \(😀 😂 🎉\) are skipped\. Type 6 words or 6 tokens\.$/ },
  ko: { trace: '추적하기', next: '다음 →', make: '이 칸을 문제로 만들기', check: '채점하기', correct: '정답입니다!', wrong: '아직 정답이 아닙니다.', sentence: '나는 오늘 학교에서 친구와 밥을 먹었다', badLength: '이 모델은 정확히 6단어를 읽습니다 (입력: 3단어).', back: '← 추적으로 돌아가기', noWords: /^읽을 단어가 없습니다: .*이모지와 기호\(😀 😂 🎉\)는 건너뜁니다\. 6단어나 토큰 6개를 입력하세요\.$/ },
} as const;

const STEP_TITLES = {
  en: ['Tokens', 'Embedding + position', 'Q, K, V', 'Scores / √d_k', 'Mask', 'Softmax', 'Weighted values A·V', 'Residual + layer norm', 'Feed-forward', 'Output', 'Backward ∂L/∂S'],
  ko: ['토큰', '임베딩 + 위치', 'Q, K, V', '점수 / √d_k', '마스크', '소프트맥스', '가중합 A·V', '잔차 + 층 정규화', '피드포워드', '출력', '역전파 ∂L/∂S'],
};

describe('your own sentence through a trained Transformer', () => {
  for (const [locale, width, height] of [['en', 390, 844], ['ko', 390, 844], ['en', 1280, 800], ['ko', 1280, 800]] as [Locale, number, number][]) {
    it(`steps through the trace and answers a score as a question (${locale}, ${width} px)`, async () => {
      await browser.addCookies([{ name: LOCALE_COOKIE, value: locale, url: inject('baseUrl') }]);
      const page = await browser.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${inject('baseUrl')}/playground/runs/${runId}`);
      const view = page.getByTestId('trace-view');
      const t = TEXT[locale];

      // A sentence the model cannot read is refused as it is typed, in the page's language.
      const input = view.locator('#trace-text');
      await input.fill('the cat sat');
      await expect(view.getByTestId('trace-text-hint').textContent()).resolves.toBe(t.badLength);
      await expect(view.getByRole('button', { name: t.trace, exact: true }).isDisabled()).resolves.toBe(true);
      // Six emoji are no words by the documented rule: refused with the reason, never "you gave 0" (QA).
      await input.fill('😀😂🎉😀😂🎉');
      await expect(view.getByTestId('trace-text-hint').textContent()).resolves.toMatch(t.noWords);
      await expect(view.getByRole('button', { name: t.trace, exact: true }).isDisabled()).resolves.toBe(true);

      await input.fill(t.sentence);
      await expect(view.getByTestId('trace-text-hint').textContent()).resolves.toMatch(/\d \d \d \d \d \d$/);
      await view.getByRole('button', { name: t.trace, exact: true }).click();
      await view.getByTestId('trace-step-title').waitFor({ timeout: 60_000 });

      // Every step, in order, with Next; none scrolls the page sideways.
      for (const [i, title] of STEP_TITLES[locale].entries()) {
        await expect(view.getByTestId('trace-step-title').textContent()).resolves.toBe(title);
        const found = await inspect(page);
        expect(found, `${title} at ${width} px`).toEqual({ isScrollingSideways: false, smallTargets: [] });
        if (i === 3) await page.screenshot({ path: screenshotPath(`playground-trace-scores-${width}-${locale}`), fullPage: true });
        if (i < STEP_TITLES[locale].length - 1) await view.getByRole('button', { name: t.next, exact: true }).click();
      }
      // The backward step: a matrix wider than a phone scrolls inside its own box.
      if (width === 390) {
        const box = view.locator('[data-matrix="dScores"] .scroll-x');
        const [scrollWidth, clientWidth] = await box.evaluate((element) => [element.scrollWidth, element.clientWidth]);
        expect(scrollWidth).toBeGreaterThan(clientWidth);
      }

      // Back to the scores: tap S(2, 3) and make it a question.
      await view.getByRole('button', { name: new RegExp(`^4\\. ${STEP_TITLES[locale][3].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
      await view.locator('[data-cell="score-1-2"]').click();
      await view.getByRole('button', { name: t.make, exact: true }).click();
      const exercise = page.getByTestId('trace-exercise');
      await exercise.waitFor();
      // The trace (which showed the value) is gone while the question is open.
      await expect(page.locator('[data-matrix="scores"]').count()).resolves.toBe(0);
      const givens = await exercise.locator('figure').evaluateAll((figures) => figures.map((figure) => [...figure.querySelectorAll('[data-value]')].map((cell) => Number(cell.textContent))));
      const [q, k, [dk]] = givens;
      expect(q.length).toBeGreaterThan(1);
      expect(q.every(Number.isFinite) && k.every(Number.isFinite)).toBe(true);
      // q and k fit the screen: every value visible without scrolling anything (QA: they overflowed at 390 px with no cue).
      const hidden = await exercise.locator('[data-value]').evaluateAll((cells) =>
        cells
          .filter((cell) => {
            const rect = cell.getBoundingClientRect();
            const clipped = (node: Element | null): boolean => !!node && ((node.scrollWidth > node.clientWidth && getComputedStyle(node).overflowX !== 'visible') || clipped(node.parentElement));
            return rect.left < 0 || rect.right > window.innerWidth || clipped(cell.parentElement);
          })
          .map((cell) => cell.textContent),
      );
      expect(hidden, 'given values cut off or in a scrolling box').toEqual([]);
      const answer = q.reduce((sum, x, c) => sum + x * k[c], 0) / Math.sqrt(dk);

      // Not a number (a decimal comma): named here, nothing sent.
      await exercise.locator('#trace-answer').fill('0,5');
      await exercise.getByRole('button', { name: t.check, exact: true }).click();
      await expect(exercise.getByTestId('trace-answer-error').textContent()).resolves.toMatch(/1e-3/);
      await exercise.locator('#trace-answer').fill(String(answer + 1));
      await exercise.getByRole('button', { name: t.check, exact: true }).click();
      await exercise.getByTestId('trace-answer-result').filter({ hasText: t.wrong }).waitFor();
      await exercise.locator('#trace-answer').fill(answer.toPrecision(6));
      await exercise.getByRole('button', { name: t.check, exact: true }).click();
      await exercise.getByTestId('trace-answer-result').filter({ hasText: t.correct }).waitFor();
      await expect(exercise.getByTestId('trace-answer-result').textContent()).resolves.toBe(t.correct);
      expect(await inspect(page)).toEqual({ isScrollingSideways: false, smallTargets: [] });
      await page.screenshot({ path: screenshotPath(`playground-trace-exercise-${width}-${locale}`), fullPage: true });

      // The browser's Back closes the question and returns to the trace where the student was,
      // on the run page (QA: it left the run page); the panel's own Back does the same.
      const runUrl = page.url();
      await page.goBack();
      await view.getByTestId('trace-step-title').waitFor({ timeout: 60_000 });
      expect(page.url()).toBe(runUrl);
      await expect(view.getByTestId('trace-step-title').textContent()).resolves.toBe(STEP_TITLES[locale][3]);
      await expect(page.getByTestId('trace-exercise').count()).resolves.toBe(0);
      await view.locator('[data-cell="score-1-2"]').click();
      await view.getByRole('button', { name: t.make, exact: true }).click();
      await exercise.waitFor();
      await exercise.getByRole('button', { name: t.back, exact: true }).click();
      await view.locator('[data-matrix="scores"]').waitFor({ timeout: 60_000 });
      expect(page.url()).toBe(runUrl);
      // One more Back leaves for wherever the student came from: no question entry is left behind.
      await expect(page.evaluate(() => (window.history.state as Record<string, unknown> | null)?.bplTraceExercise ?? null)).resolves.toBeNull();
      await page.close();
    });
  }
});
