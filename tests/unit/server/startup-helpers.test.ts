import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describeStartupError } from '@/lib/server/describe-startup-error';
import { findFreePort, isPortFree } from '@/lib/server/find-free-port';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function occupy(port = 0): Promise<number> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

describe('start-up helpers', () => {
  it('skips a port another program holds and returns the next free one', async () => {
    const taken = await occupy();
    expect(await isPortFree(taken)).toBe(false);
    const next = await findFreePort(taken);
    expect(next).toBeGreaterThan(taken);
    expect(await isPortFree(next)).toBe(true);
  });

  it('keeps the asked-for port when it is free', async () => {
    const port = await occupy();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect(await findFreePort(port)).toBe(port);
  });

  it('says what to do when every port in the range is taken', async () => {
    const taken = await occupy();
    await expect(findFreePort(taken, { attempts: 1 })).rejects.toThrow(/in use.*EMBEDDED_PG_PORT/);
  });

  it('never says "undefined" for what a library throws', () => {
    expect(describeStartupError(new Error('Cannot reach the database'))).toBe('Cannot reach the database');
    expect(describeStartupError(new Error('', { cause: new Error('port 54329 refused') }))).toBe('port 54329 refused');
    expect(describeStartupError({ code: 'EADDRINUSE', port: 54329 })).toBe('{"code":"EADDRINUSE","port":54329}');
    expect(describeStartupError(undefined)).toMatch(/^unknown error/);
    expect(describeStartupError(1)).not.toBe('undefined');
  });
});
