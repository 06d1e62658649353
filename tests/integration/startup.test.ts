import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_INSTRUCTOR, DEMO_PASSWORD } from '@/lib/seed/seed-demo-data';
import { ROOT, randomPort, startAppServer, waitForExit, waitForOutput, type AppServer } from '../../scripts/support/app-server';

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

/** The messages of the JSON log lines (a pipe gets JSON). */
function logMessages(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
}

describe('start-up with the embedded PostgreSQL', () => {
  it('takes the next free port when 54329’s stand-in is taken, says so, gives the URL and the demo sign-in, and says the database stopped on Ctrl-C', async () => {
    // Another program holds the embedded database's port.
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-embedded-'));
    const port = randomPort();
    let server: AppServer | undefined;
    try {
      server = await startAppServer({ databaseUrl: '', port, authSecret: 'x'.repeat(32), env: { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(taken), LOG_LEVEL: 'info' } });
      await waitForOutput(server, 'Backprop Live is ready');
      const messages = logMessages(server.stdout());
      // Every line on the pipe is JSON: Next's own "✓ Running next.config.js took …" comes through the logger.
      expect(server.stdout().split('\n').filter((line) => line.trim() && !line.startsWith('{'))).toEqual([]);
      expect(messages.some((message) => /^Running next\.config\.js took /.test(message))).toBe(true);
      expect(messages).toContain(`port ${taken} is in use: the embedded PostgreSQL uses port ${taken + 1} instead (set EMBEDDED_PG_PORT to choose one)`);
      const ready = messages.find((message) => message.startsWith('Backprop Live is ready'));
      expect(ready).toContain(`http://localhost:${port}`);
      expect(ready).toContain(`sign in as ${DEMO_INSTRUCTOR.email}`);
      expect(ready).toContain(`password ${DEMO_PASSWORD}`);
      expect(server.stderr()).not.toContain('undefined');

      expect(await server.stop('SIGINT')).toBe(0);
      const after = logMessages(server.stdout());
      expect(after).toContain(`the embedded PostgreSQL has stopped (its data stays in ${path.join(path.relative(ROOT, dataDir), 'postgres')})`);
      expect(after.at(-1)).toBe('Backprop Live has stopped');
    } finally {
      // A failed check above must not leave the server running on a data directory about to be removed.
      await server?.stop('SIGINT');
      holder.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
