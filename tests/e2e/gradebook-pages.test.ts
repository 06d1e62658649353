import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { expectNoSidewaysScroll, launchBrowser, openPageAs, screenshotPath } from './browser';

// A big class's gradebook, assignments table and mastery heatmap show 50 students a page, sorted and
// paged on the server: the column headings and the pager are links (`?sort=…&dir=…&page=…`). Sorting covers
// every student. Each student has one attempt on the assignment's exercise with a score drawn
// here, so the expected order of the assignment column is computed from those scores.

let browser: BrowserContext;
let instructor: TestUser;
let cookie = '';
let classId: string;
let assignmentId: string;
const STUDENTS = 120;
const PAGE = 50;
const nameOf = (i: number) => `Student ${String(i).padStart(3, '0')}`;
// Repeats after 101 students: students 1–19 tie with 102–120, and ties go by name.
const scoreOf = (i: number) => ((i * 37) % 101) / 100;
const byName = Array.from({ length: STUDENTS }, (_, i) => nameOf(i + 1));
const byScoreHighestFirst = Array.from({ length: STUDENTS }, (_, i) => i + 1)
  .sort((a, b) => scoreOf(b) - scoreOf(a) || nameOf(a).localeCompare(nameOf(b)))
  .map(nameOf);
const byScoreLowestFirst = Array.from({ length: STUDENTS }, (_, i) => i + 1)
  .sort((a, b) => scoreOf(a) - scoreOf(b) || nameOf(a).localeCompare(nameOf(b)))
  .map(nameOf);

const TEXT = {
  en: { range: (from: number, to: number) => `Students ${from}–${to} of ${STUDENTS}`, next: 'Next →', previous: '← Previous', toggle: 'Show a column per exercise', assignment: 'Assignment: HW sort' },
  ko: { range: (from: number, to: number) => `학생 ${from}–${to} / ${STUDENTS}명`, next: '다음 →', previous: '← 이전', toggle: '문제별 열 보기', assignment: '과제: HW sort' },
};

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  instructor = await createTestUser('Big Class Instructor');
  const students = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => createTestUser(nameOf(i + 1))));
  classId = (await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))], 'Big class')).id;
  const now = Date.now();
  const day = 86_400_000;
  ({ id: assignmentId } = await getDb().assignment.create({
    data: {
      classId, title: 'HW sort', unitIds: [], opensAt: new Date(now - 10 * day), dueAt: new Date(now + 5 * day), lateUntil: null, latePenaltyPct: 0, publishedAt: new Date(now - 10 * day),
      items: { create: [{ position: 0, typeId: 'rnn-step', target: 'BEST_SCORE', targetValue: 1 }] },
    },
  }));
  await getDb().attempt.createMany({
    data: students.map((user, i) => ({
      userId: user.id, typeId: 'rnn-step', round: 1, seed: 1n, answer: {}, score: scoreOf(i + 1), correct: scoreOf(i + 1) === 1, clientSubmissionId: crypto.randomUUID(), createdAt: new Date(now - day),
    })),
  });
  // Mastery of the same skill, P(known) = that score: the heatmap's rnn-step column sorts by it.
  await getDb().skillMastery.createMany({
    data: students.map((user, i) => ({ userId: user.id, typeId: 'rnn-step', pKnown: scoreOf(i + 1), attempts: 1, correct: scoreOf(i + 1) === 1 ? 1 : 0, lastAttemptAt: new Date(now - day) })),
  });
  cookie = await signIn(instructor.email);
});
afterAll(async () => {
  await browser?.close();
});

/** A navigation is a server render of the whole class: on a loaded test machine it takes seconds. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

async function rowNames(page: Page, table: string): Promise<string[]> {
  return page.locator(`${table} tbody th[scope=row]`).allInnerTexts();
}

/** Every heading link and pager link is a 44 × 44 px tap target (a short heading such as 해결 too). */
async function expectTapTargets(page: Page, selector: string) {
  const small = await page.locator(selector).evaluateAll((links) =>
    links
      .map((link) => ({ text: link.textContent, width: link.getBoundingClientRect().width, height: link.getBoundingClientRect().height }))
      .filter(({ width, height }) => width < 44 || height < 44),
  );
  expect(small, 'links under 44 px').toEqual([]);
}

describe('gradebook of a big class, sorted and paged on the server', () => {
  for (const language of ['en', 'ko'] as const) {
    for (const width of [390, 1280] as const) {
      it(`pages through all students, sorts an assignment column across pages and keeps the exercise toggle (${language}, ${width} px)`, { timeout: 120_000 }, async () => {
        const text = TEXT[language];
        const page = await openPageAs(browser, cookie, { width, language });
        const table = 'table[aria-labelledby="gradebook-caption"]';
        const names = () => rowNames(page, table);
        const pager = page.getByTestId('gradebook-pager');
        try {
          const response = await page.goto(`${inject('baseUrl')}/classes/${classId}/gradebook`);
          expect(response?.status()).toBe(200);
          expect(await names()).toEqual(byName.slice(0, PAGE));
          expect(await pager.innerText()).toContain(text.range(1, 50));
          expect(await pager.getByRole('link', { name: text.previous }).count()).toBe(0);
          await pager.getByRole('link', { name: text.next }).click();
          await poll(names).toEqual(byName.slice(PAGE, 2 * PAGE));
          expect(page.url()).toMatch(/[?&]page=2(&|$)/);
          await pager.getByRole('link', { name: text.next }).click();
          await poll(names).toEqual(byName.slice(2 * PAGE));
          expect(await pager.innerText()).toContain(text.range(101, 120));
          expect(await pager.getByRole('link', { name: text.next }).count()).toBe(0);

          // The assignment column: highest first on the first click, from page 1, across every student.
          const heading = page.locator(`th:has(a[href*="${assignmentId}"])`);
          await heading.getByRole('link', { name: new RegExp(`^${text.assignment}`) }).click();
          await poll(names).toEqual(byScoreHighestFirst.slice(0, PAGE));
          expect(await heading.getAttribute('aria-sort')).toBe('descending');
          expect(await pager.innerText()).toContain(text.range(1, 50));
          await pager.getByRole('link', { name: text.next }).click();
          await poll(names).toEqual(byScoreHighestFirst.slice(PAGE, 2 * PAGE));
          expect(await pager.innerText()).toContain(text.range(51, 100));
          // The same column again turns it around: lowest first.
          await heading.getByRole('link').click();
          await poll(() => heading.getAttribute('aria-sort')).toBe('ascending');
          await poll(names).toEqual(byScoreLowestFirst.slice(0, PAGE));

          // Hiding the per-exercise columns keeps the sort; the heading links keep the choice.
          const headingCount = await page.locator(`${table} thead th`).count();
          await page.getByLabel(text.toggle).uncheck();
          await poll(() => page.locator(`${table} thead th`).count()).toBeLessThan(headingCount);
          expect(page.url()).toContain('exercises=hide');
          expect(await heading.getAttribute('aria-sort')).toBe('ascending');
          expect(await page.locator(`${table} thead a`).evaluateAll((links) => links.every((link) => link.getAttribute('href')?.includes('exercises=hide')))).toBe(true);
          await page.getByLabel(text.toggle).check();
          await poll(() => page.locator(`${table} thead th`).count()).toBe(headingCount);

          await expectTapTargets(page, `${table} thead a, [data-testid="gradebook-pager"] a`);
          await expectNoSidewaysScroll(page, `gradebook ${language} ${width}`);
          await page.screenshot({ path: screenshotPath(`gradebook-pages-${language}-${width}`), fullPage: true });
        } finally {
          await page.close();
        }
      });
    }
  }

  it('shows the default view for malformed or unknown params, not an error', { timeout: 120_000 }, async () => {
    const page = await openPageAs(browser, cookie, { width: 390, language: 'en' });
    try {
      for (const query of ['sort=bogus&dir=sideways&page=abc', `sort=assignment:${'x'.repeat(80)}`, 'sort=exam:not-in-this-class&dir=desc', 'sort=total&sort=name&page=-3']) {
        const response = await page.goto(`${inject('baseUrl')}/classes/${classId}/gradebook?${query}`);
        expect(response?.status(), query).toBe(200);
        expect(await rowNames(page, 'table[aria-labelledby="gradebook-caption"]'), query).toEqual(byName.slice(0, PAGE));
      }
      await expectNoSidewaysScroll(page, 'gradebook with bad params');
    } finally {
      await page.close();
    }
  });
});

describe('assignments table of a big class, sorted and paged on the server', () => {
  for (const language of ['en', 'ko'] as const) {
    it(`sorts by the assignment across pages and shows students 51–100 on page 2 (${language}, 390 px)`, { timeout: 120_000 }, async () => {
      const text = TEXT[language];
      const page = await openPageAs(browser, cookie, { width: 390, language });
      const table = '[data-testid="assignments-gradebook"] table';
      const names = () => rowNames(page, table);
      const pager = page.getByTestId('assignments-pager');
      try {
        const response = await page.goto(`${inject('baseUrl')}/classes/${classId}/assignments`);
        expect(response?.status()).toBe(200);
        expect(await names()).toEqual(byName.slice(0, PAGE));
        const heading = page.locator(`${table} th:has(a[href*="${assignmentId}"])`);
        await heading.getByRole('link', { name: /^HW sort/ }).click();
        await poll(names).toEqual(byScoreHighestFirst.slice(0, PAGE));
        expect(await heading.getAttribute('aria-sort')).toBe('descending');
        await pager.getByRole('link', { name: text.next }).click();
        await poll(names).toEqual(byScoreHighestFirst.slice(PAGE, 2 * PAGE));
        expect(await pager.innerText()).toContain(text.range(51, 100));
        await expectTapTargets(page, `${table} thead a, [data-testid="assignments-pager"] a`);
        await expectNoSidewaysScroll(page, `assignments ${language}`);
        await page.screenshot({ path: screenshotPath(`assignments-pages-${language}-390`), fullPage: true });

        const bad = await page.goto(`${inject('baseUrl')}/classes/${classId}/assignments?sort=total&dir=desc&page=0`);
        expect(bad?.status()).toBe(200);
        expect(await names()).toEqual(byName.slice(0, PAGE));
      } finally {
        await page.close();
      }
    });
  }
});

/**
 * Whether a sort heading's arrow is drawn upright: laid out horizontally (or upright in vertical
 * text, not turned sideways with the heading's letters), and the transforms of it and its
 * ancestors add up to none.
 */
function isArrowUpright(heading: Locator): Promise<boolean> {
  return heading.evaluate((th) => {
    const arrow = th.querySelector('[data-sort-arrow]');
    if (!arrow) return false;
    const style = getComputedStyle(arrow);
    const isGlyphUpright = style.writingMode === 'horizontal-tb' || style.textOrientation === 'upright';
    let net = new DOMMatrix();
    for (let element: Element | null = arrow; element; element = element.parentElement) net = new DOMMatrix(getComputedStyle(element).transform).multiply(net);
    return isGlyphUpright && Math.round(net.a) === 1 && Math.round(net.d) === 1 && Math.round(net.b) === 0;
  });
}

describe('mastery heatmap of a big class, sorted and paged on the server', () => {
  for (const language of ['en', 'ko'] as const) {
    it(`steps through 50 students a page and sorts by a skill's P(known), both ways (${language}, 390 px)`, { timeout: 120_000 }, async () => {
      const text = TEXT[language];
      const page = await openPageAs(browser, cookie, { width: 390, language });
      const pager = page.getByTestId('heatmap-pager');
      const names = () => page.locator('[data-testid="heatmap"] tbody tr[data-user] th[scope=row]').allInnerTexts();
      try {
        const response = await page.goto(`${inject('baseUrl')}/classes/${classId}/mastery`);
        expect(response?.status()).toBe(200);
        expect(await pager.innerText()).toContain(text.range(1, PAGE));
        expect(await pager.getByRole('link', { name: text.previous }).count()).toBe(0);
        expect(await names()).toEqual(byName.slice(0, PAGE));
        // By name A→Z: ▲, drawn upright (the skill headings are turned half a turn, and turn their arrow back).
        const sorted = page.locator('[data-testid="heatmap"] thead th[aria-sort="ascending"]');
        expect(await sorted.innerText()).toContain('▲');
        expect(await isArrowUpright(sorted)).toBe(true);
        await pager.getByRole('link', { name: text.next }).click();
        await poll(names).toEqual(byName.slice(PAGE, 2 * PAGE));
        await pager.getByRole('link', { name: text.next }).click();
        await poll(names).toEqual(byName.slice(2 * PAGE));
        expect(await pager.innerText()).toContain(text.range(101, STUDENTS));
        expect(await pager.getByRole('link', { name: text.next }).count()).toBe(0);

        // The rnn-step column: highest P first, from page 1; again, lowest first (who needs help).
        const heading = page.locator('[data-testid="heatmap"] thead th:has(a[href*="rnn-step"])');
        await heading.getByRole('link').click();
        await poll(names).toEqual(byScoreHighestFirst.slice(0, PAGE));
        expect(await heading.getAttribute('aria-sort')).toBe('descending');
        await heading.getByRole('link').click();
        await poll(() => heading.getAttribute('aria-sort')).toBe('ascending');
        await poll(names).toEqual(byScoreLowestFirst.slice(0, PAGE));
        expect(await isArrowUpright(heading)).toBe(true);
        await pager.getByRole('link', { name: text.next }).click();
        await poll(names).toEqual(byScoreLowestFirst.slice(PAGE, 2 * PAGE));
        expect(page.url()).toMatch(/[?&]page=2(&|$)/);

        // Every skill's title wraps inside the heading row rather than running out of the table's top.
        const clipped = await page.locator('div[role=region][aria-labelledby="heatmap-title"]').evaluate((region) => {
          const top = region.getBoundingClientRect().top;
          return [...region.querySelectorAll('thead a')].filter((link) => link.getBoundingClientRect().top < top - 1).map((link) => link.textContent);
        });
        expect(clipped, 'headings cut off at the top').toEqual([]);
        await expectTapTargets(page, '[data-testid="heatmap"] thead a, [data-testid="heatmap-pager"] a');
        await expectNoSidewaysScroll(page, `heatmap ${language}`);
        await page.screenshot({ path: screenshotPath(`heatmap-pages-${language}-390`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});
