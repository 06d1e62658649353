import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogDestination } from '@/lib/log';
import { formatLogLine } from '@/lib/log-format';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

describe('server log lines', () => {
  it('prints a line logged before a blocking step (the build) before that step’s output', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'tests/fixtures/log-then-block.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'info' } });
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]).msg).toBe('an earlier line');
    expect(JSON.parse(lines[1]).msg).toBe('before the blocking step');
    expect(lines[2]).toBe('output of the blocking step');
    expect(JSON.parse(lines[3]).msg).toBe('after the blocking step');
  });

  it('formats a JSON line for a person: time, level, message, fields, and the error’s stack', () => {
    const time = new Date(2026, 11, 5, 12, 4, 5).getTime();
    expect(formatLogLine(JSON.stringify({ level: 30, time, msg: 'Backprop Live is ready', port: 3000 }))).toBe('12:04:05 INFO  Backprop Live is ready port=3000\n');
    const withError = formatLogLine(JSON.stringify({ level: 50, time, msg: 'failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } }));
    expect(withError).toBe('12:04:05 ERROR failed\n    Error: boom\n        at x\n');
    expect(formatLogLine('not json')).toBe('not json\n');
  });

  it('writes readable lines on a terminal and JSON lines to a pipe or file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-log-')), 'out.log');
    for (const isTTY of [true, false]) {
      const fd = fs.openSync(file, 'w');
      createLogDestination({ isTTY, fd }).write(`${JSON.stringify({ level: 40, time: Date.now(), msg: 'port 54329 is in use' })}\n`);
      fs.closeSync(fd);
      const written = fs.readFileSync(file, 'utf8');
      if (isTTY) expect(written).toMatch(/^\d\d:\d\d:\d\d WARN  port 54329 is in use\n$/);
      else expect(JSON.parse(written)).toMatchObject({ level: 40, msg: 'port 54329 is in use' });
    }
  });
});
