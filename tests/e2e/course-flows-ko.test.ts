import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { exerciseTypes, solve } from '@/engine/exercises';
import { LEVEL_TEXT } from '@/components/course/course-text';
import { masteryLevel } from '@/lib/course/mastery/bkt';
import { getDb } from '@/lib/db';
import { seedForExam } from '@/lib/exercises/keyed-seeds';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { expectNoSidewaysScroll, launchBrowser, openPageAs, screenshotPath } from './browser';

// The course flows in Korean, at 390 px and 1280 px (the English ones: course-review-heatmap,
// exams, course-exam-instructor): a student's assignment from the dashboard to done, an exam from
// the honour code to released results, a due review, and the instructor's heatmap. No sideways
// scroll, 44 px buttons, and (tests/e2e/browser.ts) no console error.

const WIDTHS = [390, 1280] as const;
const WAIT = { timeout: 20_000 };
const HOUR = 3600_000;
const HOMEWORK = 'sigmoid-derivative';
const EXAM = 'rnn-step';
const REVIEW = 'pooling';

let browser: BrowserContext;
let teacher: TestUser;
let teacherCookie = '';
let classId = '';

const titleOf = (typeId: string) => exerciseTypes.find((type) => type.id === typeId)?.title.ko ?? typeId;

interface Student {
  user: TestUser;
  cookie: string;
}
const students = new Map<number, Student>();

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'ko-KR' });
  teacher = await createTestUser('김교수');
  const users = await Promise.all(WIDTHS.map((width) => createTestUser(`학생 ${width}`)));
  ({ id: classId } = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }, ...users.map((user) => ({ user, role: 'STUDENT' as const }))], '딥러닝 101'));
  teacherCookie = await signIn(teacher.email);
  for (const [index, width] of WIDTHS.entries()) students.set(width, { user: users[index], cookie: await signIn(users[index].email) });
});
afterAll(async () => {
  await browser?.close();
});

async function createAssignment(title: string): Promise<string> {
  const now = Date.now();
  const { id } = await getDb().assignment.create({
    data: {
      classId, title, unitIds: [], opensAt: new Date(now - HOUR), dueAt: new Date(now + 48 * HOUR), lateUntil: null, latePenaltyPct: 0, publishedAt: new Date(now - HOUR),
      items: { create: [{ position: 0, typeId: HOMEWORK, target: 'SOLVE_COUNT', targetValue: 1 }] },
    },
    select: { id: true },
  });
  return id;
}

async function createExam(title: string): Promise<string> {
  const now = Date.now();
  const { id } = await getDb().exam.create({
    data: {
      classId, title, opensAt: new Date(now - HOUR), closesAt: new Date(now + 2 * HOUR), timeLimitMinutes: 30, maxAttempts: 2, creditDecayPct: 50,
      feedback: 'ON_RELEASE', publishedAt: new Date(now - HOUR), questions: { create: [{ typeId: EXAM, position: 0, points: 1 }] },
    },
    select: { id: true },
  });
  return id;
}

describe('course flows in Korean', () => {
  for (const width of WIDTHS) {
    it(`student at ${width} px: an assignment from the dashboard to done (과제 → 완료)`, async () => {
      const { user, cookie } = students.get(width)!;
      const title = `1주차 과제 ${width}`;
      const assignmentId = await createAssignment(title);
      const page = await openPageAs(browser, cookie, { width, language: 'ko' });
      await page.goto(`${inject('baseUrl')}/dashboard`);
      const listed = page.getByTestId('my-assignments').locator(`[data-assignment="${assignmentId}"]`);
      await listed.waitFor(WAIT);
      expect(await listed.locator('[data-status]').textContent()).toBe('시작 안 함');
      await expectNoSidewaysScroll(page, '대시보드');
      await page.screenshot({ path: screenshotPath(`course-ko-dashboard-${width}`), fullPage: true });

      await listed.getByRole('link', { name: title }).click();
      await page.waitForURL(`${inject('baseUrl')}/assignments/${assignmentId}`, WAIT);
      expect(await page.getByText('변형 1개 완전히 풀기 — 0개 완료').count()).toBe(1);
      await page.locator(`[data-item="${HOMEWORK}"] a`).click();
      await page.waitForURL(`${inject('baseUrl')}/exercises/${HOMEWORK}`, WAIT);
      await page.getByRole('button', { name: '제출' }).waitFor(WAIT);
      // The variant the page shows is the one the server drew and stored for round 0.
      const drawn = await getDb().homeworkSeed.findUniqueOrThrow({ where: { userId_typeId_round: { userId: user.id, typeId: HOMEWORK, round: 0 } }, select: { seed: true } });
      const expected = solve(HOMEWORK, Number(drawn.seed)) as Record<string, number>;
      for (const [field, value] of Object.entries(expected)) await page.locator(`input[id$="-${field}"]`).fill(String(value));
      await page.getByRole('button', { name: '제출' }).click();
      await expect.poll(() => page.getByTestId('result').getAttribute('data-correct'), WAIT).toBe('true');
      await expectNoSidewaysScroll(page, '연습문제');

      await page.goto(`${inject('baseUrl')}/assignments/${assignmentId}`);
      await expect.poll(() => page.locator(`[data-item="${HOMEWORK}"]`).getAttribute('data-met'), WAIT).toBe('true');
      expect(await page.locator('[data-status]').first().textContent()).toBe('완료');
      expect(await page.getByText('변형 1개 완전히 풀기 — 1개 완료').count()).toBe(1);
      await expectNoSidewaysScroll(page, '과제');
      await page.screenshot({ path: screenshotPath(`course-ko-assignment-done-${width}`), fullPage: true });
      await page.close();
    });

    it(`student at ${width} px: an exam from the honour code to released results (시험)`, async () => {
      const { user, cookie } = students.get(width)!;
      const examId = await createExam(`중간고사 ${width}`);
      const page = await openPageAs(browser, cookie, { width, language: 'ko' });
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${inject('baseUrl')}/exams/${examId}`);
      const begin = page.getByRole('button', { name: '시험 시작' });
      await expect.poll(() => begin.isDisabled(), WAIT).toBe(true);
      await page.getByTestId('honour-code').check();
      await begin.click();
      await expect.poll(() => page.getByTestId('exam-question').count(), WAIT).toBe(1);
      await expectNoSidewaysScroll(page, '시험 중');
      await page.screenshot({ path: screenshotPath(`course-ko-exam-in-progress-${width}`), fullPage: true });

      const answer = solve(EXAM, seedForExam(examId, EXAM, user.id)) as number[];
      const boxes = page.locator(`[data-type="${EXAM}"] input`);
      for (const [index, value] of answer.entries()) await boxes.nth(index).fill(String(Math.round(value * 1e6) / 1e6));
      const send = page.locator(`[data-type="${EXAM}"]`).getByRole('button', { name: '답 내기 (시도 1/2)' });
      expect((await send.boundingBox())?.height ?? 0, '답 내기 is a 44 px tap target').toBeGreaterThanOrEqual(44);
      await send.click();
      await expect.poll(() => page.getByTestId('answer-received').textContent(), WAIT).toContain('답을 받았습니다 (시도 1/2)');
      // Grading stays hidden until the instructor releases the results.
      expect(await page.getByTestId('exam-feedback').count()).toBe(0);

      await page.getByTestId('finish-exam').click();
      await expect.poll(() => page.getByTestId('exam-ended').textContent(), WAIT).toContain('제출함');
      expect(await page.getByTestId('exam-score').count()).toBe(0);
      await getDb().exam.update({ where: { id: examId }, data: { releasedAt: new Date() } });
      await page.reload();
      await expect.poll(() => page.getByTestId('exam-score').textContent(), WAIT).toBe('점수: 1 / 1점');
      await expect.poll(() => page.getByTestId('worked-solution').count(), WAIT).toBe(1);
      await expectNoSidewaysScroll(page, '공개된 시험 결과');
      await page.screenshot({ path: screenshotPath(`course-ko-exam-released-${width}`), fullPage: true });
      await page.close();
    });

    it(`student at ${width} px: a due review (복습 시작 opens the fresh variant)`, async () => {
      const { user, cookie } = students.get(width)!;
      const at = new Date(Date.now() - 3 * 24 * HOUR);
      await getDb().attempt.create({ data: { userId: user.id, typeId: REVIEW, round: 0, seed: 1n, answer: {}, score: 1, correct: true, clientSubmissionId: crypto.randomUUID(), createdAt: at } });
      await getDb().skillMastery.create({ data: { userId: user.id, typeId: REVIEW, pKnown: 0.4, attempts: 1, correct: 1, lastAttemptAt: at } });
      await getDb().reviewCard.create({
        data: { userId: user.id, typeId: REVIEW, due: new Date(Date.now() - HOUR), stability: 2, difficulty: 5, elapsedDays: 0, scheduledDays: 2, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: at },
      });
      const page = await openPageAs(browser, cookie, { width, language: 'ko' });
      await page.goto(`${inject('baseUrl')}/review`);
      const item = page.locator(`[data-skill="${REVIEW}"]`);
      await item.waitFor(WAIT);
      const start = item.getByRole('link', { name: '복습 시작' });
      expect((await start.boundingBox())?.height ?? 0, '복습 시작 is a 44 px tap target').toBeGreaterThanOrEqual(44);
      await expectNoSidewaysScroll(page, '복습');
      await page.screenshot({ path: screenshotPath(`course-ko-review-${width}`), fullPage: true });
      await start.click();
      await page.waitForURL(`${inject('baseUrl')}/exercises/${REVIEW}?review=1`, WAIT);
      await page.getByRole('button', { name: '제출' }).waitFor(WAIT);
      await expectNoSidewaysScroll(page, '복습 문제');
      await page.close();
    });

    it(`instructor at ${width} px: the heatmap shows each student's level in Korean (숙달도)`, async () => {
      const page = await openPageAs(browser, teacherCookie, { width, language: 'ko' });
      await page.goto(`${inject('baseUrl')}/classes/${classId}/mastery`);
      await page.getByTestId('heatmap').waitFor(WAIT);
      // The students × skills table's headers: 학생, then one per skill.
      const headers = await page.getByTestId('heatmap').locator('table').first().locator('thead th').allInnerTexts();
      // The skill headers run bottom to top with each Hangul glyph turned with the line, not upside down.
      expect(await page.getByTestId('heatmap').locator('table').first().locator('thead th').nth(1).evaluate((th) => getComputedStyle(th).textOrientation)).toBe('sideways');
      for (const { user } of students.values()) {
        const cells = page.locator(`tr[data-user="${user.id}"] td`);
        await cells.first().waitFor(WAIT);
        expect(await cells.count()).toBe(headers.length - 1);
        // Each skill's cell is titled with the level of the stored mastery row, in Korean.
        const stored = await getDb().skillMastery.findMany({ where: { userId: user.id }, select: { typeId: true, pKnown: true, attempts: true } });
        for (const row of stored) {
          const column = headers.indexOf(titleOf(row.typeId)) - 1;
          const level = LEVEL_TEXT[masteryLevel(row.pKnown, row.attempts)].ko;
          expect(await cells.nth(column).getAttribute('title')).toBe(`${level} · P ${(Math.round(row.pKnown * 100) / 100).toFixed(2)} · ${row.attempts}`);
        }
        expect(await page.locator(`tr[data-user="${user.id}"] td[title="${LEVEL_TEXT.NOT_STARTED.ko}"]`).count()).toBe((await cells.count()) - stored.length);
      }
      expect(await page.getByRole('heading', { name: '숙달도와 오개념' }).count()).toBe(1);
      await expectNoSidewaysScroll(page, '숙달도');
      await page.screenshot({ path: screenshotPath(`course-ko-heatmap-${width}`), fullPage: true });
      await page.close();
    });
  }
});
