import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, inject } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';

// Debian's Chromium driven by playwright-core (no browser download). A fresh profile per launch.
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results');

// Every browser test fails on any console error or uncaught page error (React hydration errors
// included) on any page of any browser it launched: importing this module registers the check.
// A test that provokes an error on purpose (a 404, a dropped connection) names it with
// expectConsoleError(); only errors matching such a pattern, in that test, are let through.

export interface BrowserProblem {
  kind: 'console' | 'pageerror';
  url: string;
  text: string;
}

const problems: BrowserProblem[] = [];
const expected: RegExp[] = [];

/** Starts recording a page's console errors and page errors (done for every page of launchBrowser's contexts). */
export function watchPage(page: Page): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push({ kind: 'console', url: page.url(), text: `${message.text()} ${formatLocation(message.location())}`.trim() });
  });
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', url: page.url(), text: error.stack ?? error.message }));
}

function formatLocation(location: { url: string; lineNumber: number }): string {
  return location.url ? `(at ${location.url}:${location.lineNumber})` : '';
}

/** Lets one kind of error through in the current test only (the test provokes it on purpose). */
export function expectConsoleError(pattern: RegExp): void {
  expected.push(pattern);
}

/** The errors recorded since the last call that no expectConsoleError() pattern covers; clears the record. */
export function takeBrowserProblems(): BrowserProblem[] {
  const found = problems.splice(0).filter((problem) => !expected.some((pattern) => pattern.test(problem.text)));
  return found;
}

afterEach(() => {
  const found = takeBrowserProblems();
  expected.length = 0;
  if (found.length > 0) {
    throw new Error(`The browser reported ${found.length} error(s):\n${found.map((p) => `- [${p.kind}] ${p.url}\n  ${p.text}`).join('\n')}`);
  }
});

export async function launchBrowser({ locale = 'ko-KR', timezoneId }: { locale?: string; timezoneId?: string } = {}): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run apt-get install -y chromium (npm test does this as root)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-chromium-'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    timezoneId,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
  // Chromium may still be writing the profile as it exits; a leftover temp folder is harmless.
  context.on('close', () => setTimeout(() => fs.rm(profile, { recursive: true, force: true, maxRetries: 3 }, () => {}), 500));
  return context;
}

/**
 * Waits until React has hydrated the page: before that, a click or a slider's input event reaches
 * markup without handlers (the input is lost), and a link click is a full load.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => Object.keys(document.querySelector('body') ?? {}).some((key) => key.startsWith('__react')));
}

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** Hands a next-auth session cookie ("name=value", as tests/support/auth.ts signIn returns it) to the browser. */
export async function addSessionCookie(browser: BrowserContext, cookie: string): Promise<void> {
  const [name, ...value] = cookie.split('=');
  await browser.addCookies([{ name, value: value.join('='), url: inject('baseUrl') }]);
}

/** Signs the user in through the real next-auth flow and gives `browser` the session. */
export async function signInBrowser(browser: BrowserContext, email: string): Promise<void> {
  await addSessionCookie(browser, await signIn(email));
}

/** An instructor (English) with a class of their own, signed in in `browser`: the host of a live-session test. */
export async function signInHost(browser: BrowserContext, name: string): Promise<{ instructor: TestUser; classId: string }> {
  const instructor = await createTestUser(name);
  const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }], 'Deep Learning 101');
  await getDb().user.update({ where: { id: instructor.id }, data: { locale: 'en' } });
  await signInBrowser(browser, instructor.email);
  return { instructor, classId: klass.id };
}

/**
 * A new page in `browser` signed in with `cookie` (a `signIn()` Cookie header; the browser's other
 * cookies are cleared first) in `language`, sized as a phone (390 × 844) or a desktop (1280 × 800).
 */
export async function openPageAs(browser: BrowserContext, cookie: string, { width, language }: { width: 390 | 1280; language: 'ko' | 'en' }): Promise<Page> {
  await browser.clearCookies();
  const [name, ...value] = cookie.split('=');
  await browser.addCookies([
    { name, value: value.join('='), url: inject('baseUrl') },
    { name: 'bpl-locale', value: language, url: inject('baseUrl') },
  ]);
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
  return page;
}

/** Fails when the page is wider than the window (sideways scroll). */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${where} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}
