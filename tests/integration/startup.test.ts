import { describe, expect, it } from 'vitest';
import { randomPort, startAppServer, waitForExit } from '../support/app-server';

describe('server start-up', () => {
  it('refuses a malformed DATABASE_URL with one clear line, not a stack trace', async () => {
    const server = await startAppServer({ databaseUrl: 'mysql://nope', port: randomPort(), authSecret: 'x'.repeat(32), waitForHealth: false });
    expect(await waitForExit(server)).toBe(1);
    const lines = server.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Backprop Live could not start: Invalid configuration: DATABASE_URL must look like postgresql:\/\//);
  });

  it('names the unreachable database in one line', async () => {
    const server = await startAppServer({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/nowhere', port: randomPort(), authSecret: 'x'.repeat(32), waitForHealth: false });
    expect(await waitForExit(server)).toBe(1);
    const lines = server.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Backprop Live could not start: Cannot reach the database at 127\.0\.0\.1:1\/nowhere/);
  });
});
