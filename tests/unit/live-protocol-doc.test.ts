import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_ERROR_REASONS } from '@/lib/live/protocol/live-errors';
import { LIVE_CLIENT_EVENTS, LIVE_SERVER_EVENTS } from '@/lib/live/protocol/live-events';
import { PROTOCOL_SCHEMAS, renderProtocolTables, withGeneratedTables } from '@/lib/live/protocol/live-protocol-doc';

// docs/live-protocol.md is a contract: its field tables are generated from the zod schemas, and
// every event and error reason the code knows is documented. UPDATE_DOCS=1 rewrites the tables.

const DOC = path.resolve(import.meta.dirname, '..', '..', 'docs', 'live-protocol.md');

describe('docs/live-protocol.md', () => {
  it('holds the field tables generated from the schemas', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const current = withGeneratedTables(doc);
    if (process.env.UPDATE_DOCS === '1' && current !== doc) {
      fs.writeFileSync(DOC, current);
      return;
    }
    expect(doc, 'run UPDATE_DOCS=1 npx vitest run --project unit tests/unit/live-protocol-doc.test.ts').toBe(current);
  });

  it('documents every field of every payload with a meaning', () => {
    const tables = renderProtocolTables();
    for (const { name } of PROTOCOL_SCHEMAS) expect(tables).toContain(`### ${name}`);
    const emptyMeanings = tables.split('\n').filter((line) => line.startsWith('| `') && line.endsWith('|  |'));
    expect(emptyMeanings).toEqual([]);
  });

  it('names every event and every error reason', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    for (const event of [...Object.values(LIVE_CLIENT_EVENTS), ...Object.values(LIVE_SERVER_EVENTS), 'hello']) expect(doc).toContain(`\`${event}\``);
    const reasons = doc.slice(doc.indexOf('## Error reasons'));
    for (const reason of LIVE_ERROR_REASONS) expect(reasons).toContain(`| \`${reason}\``);
  });

  it('lists every reason a live service refuses with', () => {
    const liveDir = path.resolve(import.meta.dirname, '..', '..', 'lib', 'live');
    const thrown = new Set<string>();
    for (const file of fs.readdirSync(liveDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(liveDir, file), 'utf8');
      for (const match of source.matchAll(/reason: '([a-z-]+)'/g)) thrown.add(match[1]);
    }
    expect(thrown.size).toBeGreaterThan(5);
    expect([...thrown].filter((reason) => !(LIVE_ERROR_REASONS as readonly string[]).includes(reason))).toEqual([]);
  });
});
