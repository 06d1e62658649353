import net from 'node:net';

/** True when nothing listens on host:port (we could bind it). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * The first free port from `start` on (start, start + 1, …). Used for the embedded PostgreSQL,
 * whose default port may be taken by another program; throws a sentence saying what to do.
 */
export async function findFreePort(start: number, { host = '127.0.0.1', attempts = 20 } = {}): Promise<number> {
  for (let port = start; port < start + attempts && port <= 65535; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new Error(`ports ${start}–${start + attempts - 1} are all in use on ${host}: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL`);
}
