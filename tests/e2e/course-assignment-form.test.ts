import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { getDb } from '@/lib/db';
import { ASSIGNMENT_TEXT } from '@/lib/course/assignments/assignment-schemas';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { expectNoSidewaysScroll, launchBrowser, openPageAs, screenshotPath } from './browser';
import { utcToZoned } from '@/lib/course/assignments/zoned-time';

// The new-assignment form checks itself in the browser with the server's own schema: saved empty,
// it names each missing field under it in the viewer's language and sends nothing (QA: it used
// to POST and show the server's 400). Then a filled-in form is saved.

const WAIT = { timeout: 20_000 };
let browser: BrowserContext;
let classId = '';
let cookie = '';

/** A wall-clock time in Seoul (the class's default time zone), as the datetime-local input takes it. */
const seoulLocal = (at: Date) => utcToZoned(at, 'Asia/Seoul').slice(0, 16);

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  const teacher = await createTestUser('Form Instructor');
  ({ id: classId } = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }]));
  cookie = await signIn(teacher.email);
});
afterAll(async () => {
  await browser?.close();
});

describe('the new-assignment form in the browser', () => {
  for (const width of [390, 1280] as const) {
    for (const language of ['ko', 'en'] as const) {
      it(`saved empty at ${width} px in ${language}: names each field and sends nothing; filled in, it saves`, async () => {
        const page = await openPageAs(browser, cookie, { width, language });
        const posts: string[] = [];
        page.on('request', (request) => {
          if (request.method() !== 'GET') posts.push(request.url());
        });
        await page.goto(`${inject('baseUrl')}/classes/${classId}/assignments`);
        // The create form (each saved assignment below it has its own edit form).
        const form = page.locator('[data-testid="assignment-form"][aria-labelledby="assignment-form-new"]');
        await form.waitFor(WAIT);
        await form.getByRole('button', { name: language === 'ko' ? '저장' : 'Save' }).click();

        await form.getByRole('alert').waitFor(WAIT);
        const shown = Object.fromEntries(await form.locator('[data-field-error]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-field-error'), node.textContent])));
        expect(shown).toEqual({
          title: ASSIGNMENT_TEXT.title[language],
          items: ASSIGNMENT_TEXT.items[language],
          opensAt: ASSIGNMENT_TEXT.date[language],
          dueAt: ASSIGNMENT_TEXT.date[language],
        });
        // The summary counts the marked fields rather than listing every rule.
        expect(await form.getByRole('alert').textContent()).toBe(language === 'ko' ? '입력을 확인하세요: 표시한 항목 4개를 고쳐야 합니다.' : 'Check the form: 4 marked fields need fixing.');
        const title = form.getByLabel(language === 'ko' ? '제목' : 'Title', { exact: true });
        expect(await title.getAttribute('aria-invalid')).toBe('true');
        expect(posts, 'nothing was sent to the server').toEqual([]);
        await expectNoSidewaysScroll(page, 'the assignment form with its field errors');
        await page.screenshot({ path: screenshotPath(`course-assignment-form-errors-${language}-${width}`), fullPage: true });

        const name = `Checked ${language} ${width}`;
        await title.fill(name);
        await form.getByRole('button', { name: language === 'ko' ? '연습문제 추가' : 'Add an exercise' }).click();
        await form.getByLabel(language === 'ko' ? '시작' : 'Opens', { exact: true }).fill(seoulLocal(new Date(Date.now() - 3600_000)));
        await form.getByLabel(language === 'ko' ? '마감' : 'Due', { exact: true }).fill(seoulLocal(new Date(Date.now() + 86_400_000)));
        // An emptied late penalty is named, not saved as 0 (QA), and still nothing is sent.
        await form.getByLabel(language === 'ko' ? '지각 제출 받기' : 'Accept late work').check();
        await form.getByLabel(language === 'ko' ? '지각 제출 마감' : 'Late work until', { exact: true }).fill(seoulLocal(new Date(Date.now() + 2 * 86_400_000)));
        const penalty = form.getByLabel(language === 'ko' ? '지각 감점 (%)' : 'Late penalty (%)', { exact: true });
        await penalty.fill('');
        expect(await penalty.inputValue()).toBe('');
        await form.getByRole('button', { name: language === 'ko' ? '저장' : 'Save' }).click();
        await form.locator('[data-field-error="latePenaltyPct"]').waitFor(WAIT);
        expect(await form.locator('[data-field-error="latePenaltyPct"]').textContent()).toBe(ASSIGNMENT_TEXT.penalty[language]);
        expect(await form.getByRole('alert').textContent()).toBe(language === 'ko' ? '입력을 확인하세요: 표시한 항목 하나를 고쳐야 합니다.' : 'Check the form: one marked field needs fixing.');
        expect(await penalty.getAttribute('aria-invalid')).toBe('true');
        expect(posts, 'nothing was sent to the server').toEqual([]);
        await penalty.fill('15');
        await form.getByRole('button', { name: language === 'ko' ? '저장' : 'Save' }).click();
        await form.getByRole('status').waitFor(WAIT);
        expect(await form.locator('[data-field-error]').count()).toBe(0);
        expect(await getDb().assignment.findMany({ where: { classId, title: name }, select: { latePenaltyPct: true } })).toEqual([{ latePenaltyPct: 15 }]);
        // The class has no students yet: the grades table says so instead of showing a bare header row.
        await page.getByText(language === 'ko' ? '아직 학생이 없습니다.' : 'No students yet.', { exact: true }).waitFor(WAIT);
        expect(await page.getByTestId('assignments-gradebook').count()).toBe(0);
        await page.close();
      });
    }
  }
});
