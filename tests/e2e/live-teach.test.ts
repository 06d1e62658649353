import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { getDb } from '@/lib/db';
import { launchBrowser, screenshotPath, signInHost } from './browser';
import { answerLive, liveVariantOf } from './live-answers';

// A teaching session on a projector and two phones (390 px, one English, one Korean): players pick
// teams, everyone makes the same named mistake, the host re-asks it with one click, the follow-up
// shows before/after on the projector and each phone its own worked solution, a phone says
// "too fast", and the team podium stands beside the individual one.

const TYPE = 'sigmoid-derivative';
const PHONE = { width: 390, height: 844 };

const browsers: BrowserContext[] = [];
beforeAll(async () => {
  browsers.push(await launchBrowser({ locale: 'en-US' }), await launchBrowser({ locale: 'en-US' }), await launchBrowser({ locale: 'ko-KR' }));
}, 120_000);
afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
});

const variantOf = (sessionId: string, index: number, participantId: string) => liveVariantOf(sessionId, index, participantId, TYPE);
const answer = (page: Page, sessionId: string, index: number, participantId: string, mistakeId: string | null, submitLabel: string) =>
  answerLive(page, { sessionId, index, participantId, typeId: TYPE }, mistakeId, submitLabel);

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('live teaching tools in the browser', () => {
  it('re-asks the top mistake in a team session: follow-up, before/after, worked solutions, pace meter and team podium', { timeout: 300_000 }, async () => {
    const [hostBrowser, phoneA, phoneB] = browsers;
    const { classId } = await signInHost(hostBrowser, 'Prof Teach');
    const baseUrl = inject('baseUrl');

    // The instructor picks one question, teams the players pick, and correctness-only scoring.
    const host = await hostBrowser.newPage();
    await host.goto(`${baseUrl}/live`);
    await host.getByLabel('Class').selectOption(classId);
    await host.getByLabel('Hand-picked').check();
    await host.getByLabel('Sigmoid value and derivative').check();
    await host.getByLabel('Allow guests', { exact: false }).check();
    await host.getByLabel('Faster answers earn more', { exact: false }).uncheck();
    await host.getByLabel('Players pick a team').check();
    await host.getByLabel('Number of teams').fill('2');
    await host.getByRole('button', { name: 'Create session' }).click();
    await host.waitForURL(/\/live\/[^/]+\/host$/);
    const sessionId = host.url().split('/').at(-2)!;
    const pin = (await host.getByTestId('pin').textContent())!.trim();

    // Two phones join as guests and pick different teams; the rules are shown before the start.
    const phones: Page[] = [];
    for (const [browser, nickname, joinLabel] of [[phoneA, 'Ana', 'Join'], [phoneB, '보라', '참여하기']] as const) {
      const page = await browser.newPage();
      await page.setViewportSize(PHONE);
      await page.goto(`${baseUrl}/join?pin=${pin}`);
      await page.getByLabel(joinLabel === 'Join' ? 'Nickname' : '닉네임').fill(nickname);
      await page.getByRole('button', { name: joinLabel }).click();
      await page.getByTestId('lobby').waitFor();
      phones.push(page);
    }
    const [ana, bora] = phones;
    expect(await ana.getByTestId('rules').textContent()).toContain('correct answers earn full points at any speed');
    await ana.getByRole('button', { name: 'Red team' }).click();
    await bora.getByRole('button', { name: '파랑 팀' }).click();
    await expect.poll(() => ana.getByRole('button', { name: 'Red team' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await getDb().liveParticipant.findMany({ where: { sessionId }, select: { team: true } })).map((p) => p.team).sort()).toEqual([0, 1]);
    await fitsPhone(ana);
    await ana.screenshot({ path: screenshotPath('live-teach-phone-lobby'), fullPage: true });
    const ids = Object.fromEntries((await getDb().liveParticipant.findMany({ where: { sessionId }, select: { id: true, nickname: true } })).map((p) => [p.nickname, p.id]));

    // Question 1: both make the same named mistake.
    await host.getByRole('button', { name: 'Start' }).click();
    await ana.getByTestId('question').waitFor();
    await bora.getByTestId('question').waitFor();
    const [va, vb] = await Promise.all([variantOf(sessionId, 0, ids.Ana), variantOf(sessionId, 0, ids['보라'])]);
    const shared = va.mistakes.map((m) => m.id).find((id) => vb.mistakes.some((m) => m.id === id));
    expect(shared, 'both variants can make the same named mistake').toBeTruthy();
    await answer(ana, sessionId, 0, ids.Ana, shared!, 'Submit answer');
    await answer(bora, sessionId, 0, ids['보라'], shared!, '답 제출');

    // The projector: the mistake at 100 % of the answers, the worked example, the re-ask button.
    await host.getByTestId('results').waitFor();
    const mistakeRow = host.locator(`[data-testid="mistakes"] li[data-mistake="${shared}"]`);
    expect(await mistakeRow.textContent()).toContain('100%');
    await host.getByTestId('worked-solution').waitFor();
    await host.screenshot({ path: screenshotPath('live-teach-host-results'), fullPage: true });
    // Each phone: its own worked solution once the question has closed.
    await ana.getByTestId('worked-solution').waitFor();
    await bora.getByTestId('worked-solution').waitFor();
    await fitsPhone(bora);
    await bora.screenshot({ path: screenshotPath('live-teach-phone-explanation'), fullPage: true });

    // One click re-asks it: a follow-up with new numbers on every phone.
    await mistakeRow.getByTestId('reask').click();
    await ana.getByTestId('follow-up').waitFor();
    await bora.getByTestId('follow-up').waitFor();
    const stored = await getDb().liveQuestion.findMany({ where: { sessionId }, orderBy: { index: 'asc' }, select: { index: true, typeId: true, reaskMistake: true } });
    expect(stored).toEqual([{ index: 0, typeId: TYPE, reaskMistake: null }, { index: 1, typeId: TYPE, reaskMistake: shared }]);
    // "Too fast" from one phone shows on the projector's meter, anonymously.
    await ana.getByRole('button', { name: 'Too fast' }).click();
    await expect.poll(() => host.locator('[data-testid="pace-meter"] [data-pace="tooFast"] strong').textContent()).toBe('1');
    await answer(ana, sessionId, 1, ids.Ana, null, 'Submit answer');
    await answer(bora, sessionId, 1, ids['보라'], null, '답 제출');

    // Before and after, from the stored answers: 100 % → 0 %, both now right.
    await host.getByTestId('reask-comparison').waitFor();
    expect(await host.getByTestId('reask-before').textContent()).toBe('100%');
    expect(await host.getByTestId('reask-after').textContent()).toBe('0%');
    expect(await host.getByTestId('reask-now-correct').textContent()).toContain('Of the 2 who made it, 2 got it right');
    await host.screenshot({ path: screenshotPath('live-teach-host-before-after'), fullPage: true });

    // Leaderboards: individual and team, then the podium of both.
    await host.getByRole('button', { name: 'Show leaderboard' }).click();
    await host.getByTestId('team-board').waitFor();
    await ana.getByTestId('team-board').waitFor();
    await host.getByRole('button', { name: 'Show podium' }).click();
    await host.getByText('Team podium').waitFor();
    await bora.getByText('팀 시상대').waitFor();
    await fitsPhone(bora);
    await bora.screenshot({ path: screenshotPath('live-teach-phone-podium'), fullPage: true });
    await host.screenshot({ path: screenshotPath('live-teach-host-podium'), fullPage: true });
    // Team scores are the members' means (one member each: their own points), in that order.
    const players = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { team: true, score: true } });
    const teamRows = host.locator('[data-testid="team-board"] li');
    expect(await teamRows.count()).toBe(2);
    for (const player of players) {
      const row = host.locator(`[data-testid="team-board"] li[data-team="${player.team}"]`);
      expect(await row.textContent()).toContain(player.score.toLocaleString('en'));
    }
    const scores = await teamRows.evaluateAll((rows) => rows.map((row) => Number(row.querySelector('[data-score]')?.getAttribute('data-score'))));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
