import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The folder rules in eslint.config.mjs fire: each fixture in tests/fixtures/lint breaks one on
// purpose and is linted as if it lived where the rule applies.

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleHits(fixture: string, pretendPath: string): Promise<string[]> {
  const code = fs.readFileSync(path.join(ROOT, 'tests/fixtures/lint', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, pretendPath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'boundaries/client-imports' || m.ruleId === 'no-restricted-syntax').map((m) => `${m.line}: ${m.message}`);
}

describe('the folder rules', () => {
  it('keep engine/ free of lib, app, components and generated', async () => {
    const hits = await ruleHits('engine-imports-lib.ts', 'engine/__fixture__.ts');
    expect(hits).toEqual([expect.stringMatching(/^2: .*engine\/ imports nothing from lib/)]);
  });

  it('let engine/exercises and engine/playground import only from engine/', async () => {
    for (const folder of ['engine/exercises', 'engine/playground']) {
      const hits = await ruleHits('exercise-imports-outside-engine.ts', `${folder}/__fixture__.ts`);
      expect(hits.length, folder).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.startsWith('2: ')), folder).toBe(true);
      expect(hits.some((hit) => /import only from engine\//.test(hit)), folder).toBe(true);
    }
  });

  it('keep lib/ below app/ and components/', async () => {
    const hits = await ruleHits('lib-imports-component.ts', 'lib/__fixture__.ts');
    expect(hits).toEqual([expect.stringMatching(/^2: .*lib\/ imports nothing from app\/ or components\//)]);
  });

  it("keep lib/live's rooms in order: protocol/ alone, state/ views/ variants/ below announce/", async () => {
    const protocol = await ruleHits('live-protocol-imports-state.ts', 'lib/live/protocol/__fixture__.ts');
    expect(protocol).toEqual([expect.stringMatching(/^2: .*lib\/live\/protocol imports nothing from the other rooms/)]);
    for (const room of ['state', 'views', 'variants']) {
      const hits = await ruleHits('live-state-imports-announce.ts', `lib/live/${room}/__fixture__.ts`);
      expect(hits, room).toEqual([expect.stringMatching(/^2: .*import nothing from lib\/live\/announce/)]);
    }
    // The same import from announce/ itself is allowed.
    expect(await ruleHits('live-state-imports-announce.ts', 'lib/live/announce/__fixture__.ts')).toEqual([]);
  });

  it("keep server-only modules and the exercise barrel out of 'use client' files and protocol/schema modules", async () => {
    const client = await ruleHits('client-imports-server.tsx', 'components/__fixture__.tsx');
    expect(client).toEqual([expect.stringMatching(/^4: .*server-only module "@\/lib\/auth\/require-user"/), expect.stringMatching(/^5: .*exercise barrel/)]);
    const schema = await ruleHits('schema-imports-barrel.ts', 'lib/__fixture__/thing-schemas.ts');
    expect(schema).toEqual([expect.stringMatching(/^2: A protocol\/schema module .*exercise barrel/)]);
  });

  it('fill templates with the one fill(), not a hand-written replace of a placeholder', async () => {
    for (const pretend of ['components/__fixture__.tsx', 'app/__fixture__/page.tsx', 'lib/__fixture__.ts']) {
      const hits = await ruleHits('template-replace.ts', pretend);
      expect(hits, pretend).toEqual([expect.stringMatching(/^3: .*fill\(\) from lib\/i18n\/fill\.ts/), expect.stringMatching(/^4: .*fill\(\)/)]);
    }
  });
});
