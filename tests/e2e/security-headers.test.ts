import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createTestUser, signIn } from '../support/auth';
import { expectConsoleError, launchBrowser, waitForHydration } from './browser';

// Every page runs under a Content-Security-Policy with a fresh nonce per request: Next's own
// scripts carry the nonce and run (the page hydrates, KaTeX renders), nothing on any page breaks
// the policy, and a script injected into the page does not run.

let browser: BrowserContext;
const baseUrl = () => inject('baseUrl');

const PAGES = ['/', '/units', '/units/backprop', '/exercises', '/exercises/sigmoid-derivative', '/join', '/signin', '/signup', '/playground', '/dashboard', '/classes', '/account', '/live', '/review'];

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-US' });
  const user = await createTestUser('CSP Student');
  const [name, value] = (await signIn(user.email)).split('=');
  await browser.addCookies([{ name, value, url: baseUrl() }]);
  // Records every policy violation a page reports, from before its first script.
  await browser.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
});
afterAll(async () => {
  await browser?.close();
});

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('Content-Security-Policy in Chromium', () => {
  it('serves every page with a nonce policy and the security headers, and no page breaks it', async () => {
    const page = await browser.newPage();
    const nonces = new Set<string>();
    for (const path of PAGES) {
      const response = await page.goto(`${baseUrl()}${path}`);
      expect(response?.status(), path).toBe(200);
      const headers = response!.headers();
      const policy = headers['content-security-policy'] ?? '';
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce, `${path}: ${policy}`).toBeDefined();
      nonces.add(nonce!);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['permissions-policy']).toContain('camera=()');
      // Next put the nonce on its scripts; they ran, so React hydrated the page.
      expect(await page.locator(`script[nonce]`).count(), path).toBeGreaterThan(0);
      await waitForHydration(page);
      expect(await violations(page), path).toEqual([]);
    }
    // A fresh nonce for every request.
    expect(nonces.size).toBe(PAGES.length);
    await page.close();
  }, 300_000);

  it('renders KaTeX and inline styles under the policy', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/units/backprop`);
    await waitForHydration(page);
    const formula = page.locator('.katex').first();
    await formula.waitFor();
    // KaTeX's stylesheet applied: its font, and the inline heights of its struts.
    expect(await formula.evaluate((element) => getComputedStyle(element).fontFamily)).toContain('KaTeX');
    expect(await page.locator('.katex .strut[style]').count()).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('blocks a script that got into the markup of a page, inline or as an event handler, and the page still works', async () => {
    const page = await browser.newPage();
    // Stands in for stored XSS: the server's HTML, with its real headers, plus an attacker's markup.
    await page.route(`${baseUrl()}/units`, async (route) => {
      const response = await route.fetch();
      // At the end of <body>, where React 19 lets a third-party node be (it would not hydrate over one inside its tree).
      const html = (await response.text()).replace('</body>', `<script>window.pwned = 'inline script'</script><svg onload="window.pwned = 'event handler'"></svg></body>`);
      await route.fulfill({ response, body: html });
    });
    expectConsoleError(/violates the following Content Security Policy directive/);
    await page.goto(`${baseUrl()}/units`);
    await waitForHydration(page);
    await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect((await violations(page)).every((violation) => violation.startsWith('script-src'))).toBe(true);
    await page.close();
  });

  it('gives API responses a policy that loads nothing, and refusals the headers too', async () => {
    const api = await fetch(`${baseUrl()}/api/health`);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    const refused = await fetch(`${baseUrl()}/units?x=%00`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
  });
});
