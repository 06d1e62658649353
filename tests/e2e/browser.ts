import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Debian's Chromium driven by playwright-core (no browser download). A fresh profile per launch.
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results');

export async function launchBrowser({ locale = 'ko-KR' }: { locale?: string } = {}): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run apt-get install -y chromium (npm test does this as root)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-chromium-'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  // Chromium may still be writing the profile as it exits; a leftover temp folder is harmless.
  context.on('close', () => setTimeout(() => fs.rm(profile, { recursive: true, force: true, maxRetries: 3 }, () => {}), 500));
  return context;
}

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}
