import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// npm's own range matcher (installed with the toolchain; untyped, so its two functions are declared here).
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean; validRange(range: string): string | null };

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
/** Wants Node ≥ 22 but is never loaded: prisma's `prisma dev` local server, which we do not use (README). */
const HARMLESS_ENGINE_WARNINGS = ['@prisma/streams-local'];

interface Manifest {
  name: string;
  version: string;
  engines?: { node?: string };
  scripts?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

function installedPackages(): Manifest[] {
  const found: Manifest[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const folder = path.join(dir, entry.name);
      if (entry.name.startsWith('@')) {
        visit(folder);
        continue;
      }
      const file = path.join(folder, 'package.json');
      if (fs.existsSync(file)) found.push(JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest);
      if (fs.existsSync(path.join(folder, 'node_modules'))) visit(path.join(folder, 'node_modules'));
    }
  };
  visit(path.join(ROOT, 'node_modules'));
  return found;
}

describe('package.json keeps the install quiet on Node 20', () => {
  const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const packages = installedPackages();

  it('declares every installed dependency that has an install script in allowScripts (npm 11)', () => {
    const withScripts = packages.filter((manifest) => INSTALL_SCRIPTS.some((name) => manifest.scripts?.[name])).map((manifest) => manifest.name);
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => project.allowScripts?.[name] === undefined)).toEqual([]);
  });

  it('installs nothing that refuses this Node 20 (katex pinned to 0.16, whose commander supports it)', () => {
    const refusing = packages
      .filter((manifest) => manifest.engines?.node && !HARMLESS_ENGINE_WARNINGS.includes(manifest.name))
      .filter((manifest) => semver.validRange(manifest.engines!.node!) && !semver.satisfies(process.version, manifest.engines!.node!))
      .map((manifest) => `${manifest.name}@${manifest.version} wants node ${manifest.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
