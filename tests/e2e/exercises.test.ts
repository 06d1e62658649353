import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { explain, generate, grade, solve } from '@/engine/exercises';
import { countBoxes } from '@/engine/exercises/validate-answer';
import { getDb } from '@/lib/db';
import { createTestUser, type TestUser } from '../support/auth';
import { launchBrowser, screenshotPath, signInBrowser } from './browser';
import { seedForStudent } from '@/lib/exercises/keyed-seeds';

let browser: BrowserContext;
let student: TestUser;

beforeAll(async () => {
  browser = await launchBrowser();
  student = await createTestUser('Browser Student');
  // A real next-auth session, handed to the browser as its cookie.
  await signInBrowser(browser, student.email);
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
    await expect.poll(() => page.getByTestId('attempts-left').textContent(), { timeout: 15_000 }).toBe('3');
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
    // Named once: the feedback sentence says where to start, so no second "First wrong value" line repeats it.
    const label = spec.fields[firstGradient].label!.en;
    expect(await result.textContent()).toContain(`Start by checking ${label}.`);
    expect((await result.innerText()).split(label).length - 1).toBe(1);
    expect(await page.locator('[data-first-wrong]').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('exercise-fields-first-wrong'), fullPage: true });
  });
});

/** Console errors and page errors of a page: a browser test fails on any. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function phonePage(locale: 'ko' | 'en') {
  await browser.addCookies([{ name: 'bpl-locale', value: locale, url: inject('baseUrl') }]);
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  return { page, errors: watchErrors(page) };
}

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Interactive elements of the exercise view smaller than 44 × 44 CSS px. */
const smallTapTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main input:not([type=radio]), main button, main label:has(input[type=radio])')]
      .filter((element) => element.closest('form, [data-testid="result"]'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ element, box }) => `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );

describe('exercise pages on a phone (390 px)', () => {
  it('says in Korean how many boxes are empty, marks them, counts no attempt; matrices and boxes fit the screen', async () => {
    const typeId = 'affine-backward';
    const seed = seedForStudent(student.id, typeId, 0);
    const spec = generate(typeId, seed).answer;
    if (spec.kind !== 'fields') throw new Error('affine-backward is expected to be a fields answer');
    const expected = solve(typeId, seed) as Record<string, number[][]>;
    const { page, errors } = await phonePage('ko');
    await page.goto(`${inject('baseUrl')}/exercises/${typeId}`);
    // Fill only ∂L/∂X; ∂L/∂W and ∂L/∂b stay blank.
    for (const [r, row] of expected.dX.entries()) {
      for (const [c, value] of row.entries()) await page.getByRole('textbox', { name: new RegExp(`^∂L/∂X, ${r + 1}행, ${c + 1}열`) }).fill(String(value));
    }
    await page.getByRole('button', { name: '제출' }).click();
    const total = countBoxes(spec);
    const empty = total - expected.dX.flat().length;
    await expect.poll(async () => (await page.locator('.error').textContent())?.trim()).toBe(`${total}칸을 모두 채우세요 — ${empty}칸이 비어 있습니다.`);
    expect(await page.locator('[data-empty] input[aria-invalid="true"]').count()).toBe(empty);
    expect(await getDb().attempt.count({ where: { userId: student.id, typeId } })).toBe(0);
    // Filling a box clears its mark.
    await page.getByRole('textbox', { name: /^∂L\/∂b, 1번째 값/ }).fill('1');
    expect(await page.locator('[data-empty]').count()).toBe(empty - 1);

    // Every box filled, one with text that is no number: that box is marked and named by the form's
    // own sentence (not the API's field names), focused, and nothing is sent.
    for (const [r, row] of expected.dW.entries()) {
      for (const [c, value] of row.entries()) await page.getByRole('textbox', { name: new RegExp(`^∂L/∂W, ${r + 1}행, ${c + 1}열`) }).fill(r === 0 && c === 0 ? 'abc' : String(value));
    }
    for (const [i, value] of expected.db.flat().entries()) await page.getByRole('textbox', { name: new RegExp(`^∂L/∂b, ${i + 1}번째 값`) }).fill(String(value));
    await page.getByRole('button', { name: '제출' }).click();
    await expect.poll(async () => (await page.locator('.error').textContent())?.trim()).toBe('표시한 칸을 숫자로 읽을 수 없습니다. 0.25, 1/4, 2.5e-1처럼 적으세요.');
    const unreadable = page.locator('[data-unreadable] input[aria-invalid="true"]');
    expect(await unreadable.count()).toBe(1);
    expect(await unreadable.getAttribute('aria-label')).toMatch(/^∂L\/∂W, 1행, 1열.*, 숫자가 아님$/);
    expect(await unreadable.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await page.locator('[data-empty]').count()).toBe(0);
    expect(await getDb().attempt.count({ where: { userId: student.id, typeId } })).toBe(0);
    await unreadable.fill(String(expected.dW[0][0]));
    expect(await page.locator('[data-unreadable]').count()).toBe(0);

    // Every matrix of the prompt is on the screen, not cut off at its right edge.
    const offscreen = await page.evaluate(() =>
      [...document.querySelectorAll('section[aria-label="문제"] .katex .mtable')].map((m) => m.getBoundingClientRect()).filter((box) => box.right > window.innerWidth || box.left < 0).length,
    );
    expect(offscreen).toBe(0);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTapTargets(page)).toEqual([]);
    // The breadcrumb above the title (연습문제 › unit) is two 44 px tap targets too.
    const crumbs = await page.locator('main p a[href="/exercises"], main p a[href^="/units/"]').evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().height)));
    expect(crumbs).toHaveLength(2);
    for (const height of crumbs) expect(height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: screenshotPath('exercise-empty-boxes-phone-ko'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('asks for a shape with one "Answer" and no grid-navigation help', async () => {
    const { page, errors } = await phonePage('en');
    await page.goto(`${inject('baseUrl')}/exercises/conv-output-shape`);
    const form = page.locator('form');
    expect(await form.getByText('Answer', { exact: true }).evaluateAll((elements) => elements.filter((e) => e.getBoundingClientRect().width > 1).length)).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Answer', exact: true }).count()).toBe(1);
    expect(await form.textContent()).not.toMatch(/arrow keys|Tab/);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(async () => (await page.locator('.error').textContent())?.trim()).toBe('Fill in the answer box, then submit.');
    expect(await smallTapTargets(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('exercise-shape-phone-en'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('hides the last grade when the next answer is refused by the form, so it never reads as that answer\'s grade', async () => {
    const { page, errors } = await phonePage('en');
    await page.goto(`${inject('baseUrl')}/exercises/delta-rule`);
    const boxes = page.locator('form').getByRole('textbox');
    const submit = () => page.getByRole('button', { name: 'Submit' }).click();
    const result = page.getByTestId('result');
    const formError = page.locator('form .error');
    for (const box of await boxes.all()) await box.fill('0');
    await submit();
    await expect.poll(() => result.getAttribute('data-correct')).toBe('false');
    expect(await result.textContent()).toContain('✗');

    // A blank box: the form says so, and the wrong grade of the previous answer is gone.
    await boxes.first().fill('');
    await submit();
    await expect.poll(() => formError.count()).toBe(1);
    expect(await result.count()).toBe(0);
    await page.screenshot({ path: screenshotPath('exercise-refused-after-wrong-phone-en'), fullPage: true });
    // Text that is no number: the same.
    await boxes.first().fill('abc');
    await submit();
    await expect.poll(async () => (await formError.textContent())?.trim()).toMatch(/^The marked box is not a number/);
    expect(await result.count()).toBe(0);
    expect(await page.getByTestId('attempts-left').textContent()).toBe('2');

    // The next graded answer shows its own grade, and the form error is gone.
    await boxes.first().fill('1');
    await submit();
    await expect.poll(() => page.getByTestId('attempts-left').textContent()).toBe('1');
    expect(await result.getAttribute('data-correct')).toBe('false');
    expect(await formError.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows the worked solution only once the round is over, step by step, in Korean', async () => {
    const typeId = 'sigmoid-derivative';
    const seed = seedForStudent(student.id, typeId, 0);
    const expected = solve(typeId, seed) as Record<string, number>;
    const { page, errors } = await phonePage('ko');
    await page.goto(`${inject('baseUrl')}/exercises/${typeId}`);
    const fill = async (values: Record<string, number>) => {
      for (const [name, value] of Object.entries(values)) await page.locator(`input[id$="-${name}"]`).fill(String(value));
    };
    await fill({ ...expected, gradient: expected.gradient + 1 });
    await page.getByRole('button', { name: '제출' }).click();
    await expect.poll(() => page.getByTestId('result').getAttribute('data-correct')).toBe('false');
    expect(await page.getByTestId('worked-solution').count()).toBe(0);

    await fill(expected);
    await page.getByRole('button', { name: '제출' }).click();
    await expect.poll(() => page.getByTestId('result').getAttribute('data-correct')).toBe('true');
    const solution = page.getByTestId('worked-solution');
    await expect.poll(() => solution.getByTestId('solution-step').count()).toBe(explain(typeId, seed).length);
    await expect.poll(() => solution.locator('.katex').count()).toBeGreaterThan(3);
    expect(await solution.textContent()).toContain('연쇄 법칙');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('exercise-worked-solution-phone-ko'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('draws the comp graph with the boxes on its edges, shows only given numbers, and renders the named mistake in the history', async () => {
    const typeId = 'comp-graph';
    const user = await createTestUser('Graph Student');
    const context = browser;
    await signInBrowser(context, user.email);
    const seed = seedForStudent(user.id, typeId, 0);
    const given = generate(typeId, seed).given as Record<string, number>;
    const expected = solve(typeId, seed) as Record<string, number>;
    const { page, errors } = await phonePage('en');
    await page.goto(`${inject('baseUrl')}/exercises/${typeId}`);
    const graph = page.getByTestId('comp-graph-answer');
    expect(await graph.locator('svg circle').count()).toBe(4);
    expect(await graph.getByRole('textbox').count()).toBe(12);
    for (const key of ['apples', 'applePrice', 'oranges', 'orangePrice', 'tax', 'upstream']) expect(await graph.getByTestId(`given-${key}`).textContent()).toBe(String(given[key]));
    // Before grading the drawing holds the given numbers and nothing else.
    const texts = await graph.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      while (walker.nextNode()) found.push(walker.currentNode.textContent ?? '');
      return found;
    });
    const shown = texts.flatMap((text) => text.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? []);
    expect(shown.filter((n) => !Object.values(given).includes(n))).toEqual([]);
    // A forward box sits above its edge's gradient box.
    const forward = await graph.getByRole('textbox', { name: /^total/ }).boundingBox();
    const backward = await graph.getByRole('textbox', { name: '∂L/∂subtotal', exact: true }).boundingBox();
    expect(forward && backward && forward.y < backward.y).toBe(true);

    // The total node's local gradients swapped: the grader names the mistake.
    const answer = { ...expected, dSubtotal: given.upstream * expected.subtotal, dTax: given.upstream * given.tax };
    expect(grade(typeId, seed, answer).mistake).toBe('swapped-mul-grads');
    for (const [field, number] of Object.entries(answer)) await graph.locator(`input[id$="-${field}"]`).fill(String(number));
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.getByTestId('result').getAttribute('data-correct')).toBe('false');
    expect(await graph.locator('[data-first-wrong]').count()).toBe(1);
    expect(await graph.locator('[data-state="wrong"]').count()).toBeGreaterThan(0);
    // The named mistake is rendered (Markdown, not raw *other*) in the result; the history row right
    // below it does not say it a second time.
    expect(await page.getByTestId('result').locator('em').textContent()).toBe('other');
    const history = page.getByTestId('attempt-history');
    expect(await history.locator('em').count()).toBe(0);
    // After a second try the first attempt's row shows its mistake, rendered too.
    await graph.locator('input[id$="-total"]').fill(String(expected.total + 1));
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => history.locator('em').count()).toBeGreaterThan(0);
    expect(await history.locator('em').first().textContent()).toBe('other');
    expect(await history.textContent()).not.toContain('*');
    const fits = await history.evaluate((table) => table.getBoundingClientRect().right <= window.innerWidth);
    expect(fits).toBe(true);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTapTargets(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('exercise-comp-graph-phone-en'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: screenshotPath('exercise-comp-graph-desktop-en'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
