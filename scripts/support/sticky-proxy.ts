import http from 'node:http';
import net from 'node:net';

// A small round-robin HTTP + WebSocket proxy with sticky sessions, for `npm run cluster` on one
// machine. A browser's first request goes to the next web process in turn; the response sets a
// cookie naming that process, and every later request and socket.io connection of the browser
// (polling needs it; a WebSocket does not mind) goes to the same one. When that process is down,
// the request gets a 502 and the cookie is cleared, so the reload lands on a live process.
// It is written on node:http rather than taken from a package because http-proxy (the well-known
// one) is unmaintained since 2020 and its modern rewrite needs Node 22; in production, use nginx
// or HAProxy (docs/deployment.md shows the nginx lines).

export const STICKY_COOKIE = 'bpl_web';
const DOWN_FOR_MS = 5_000;

export interface StickyProxyOptions {
  port: number;
  host?: string;
  /** Ports of the web processes on 127.0.0.1. */
  upstreams: number[];
}

export function startStickyProxy({ port, host = '0.0.0.0', upstreams }: StickyProxyOptions): Promise<http.Server> {
  let next = 0;
  const downUntil = new Map<number, number>();
  const isUp = (index: number) => (downUntil.get(index) ?? 0) < Date.now();

  const choose = (request: http.IncomingMessage): { index: number; isNew: boolean } => {
    const pinned = Number(readCookie(request.headers.cookie, STICKY_COOKIE));
    if (Number.isInteger(pinned) && pinned >= 0 && pinned < upstreams.length && isUp(pinned)) return { index: pinned, isNew: false };
    for (let tried = 0; tried < upstreams.length; tried += 1) {
      const index = next;
      next = (next + 1) % upstreams.length;
      if (isUp(index)) return { index, isNew: true };
    }
    return { index: next, isNew: true };
  };

  const server = http.createServer((request, response) => {
    const { index, isNew } = choose(request);
    const upstream = http.request(
      { host: '127.0.0.1', port: upstreams[index], method: request.method, path: request.url, headers: { ...request.headers, 'x-forwarded-for': forwardedFor(request) } },
      (answer) => {
        const headers = { ...answer.headers };
        if (isNew) headers['set-cookie'] = [...(answer.headers['set-cookie'] ?? []), `${STICKY_COOKIE}=${index}; Path=/; HttpOnly; SameSite=Lax`];
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      downUntil.set(index, Date.now() + DOWN_FOR_MS);
      if (response.headersSent) return void response.destroy();
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'set-cookie': `${STICKY_COOKIE}=; Path=/; Max-Age=0` });
      response.end(`web process ${index + 1} (port ${upstreams[index]}) is not answering: reload to reach another one\n`);
    });
    request.pipe(upstream);
  });

  // WebSocket upgrades: the same choice, then the raw bytes both ways.
  server.on('upgrade', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const { index } = choose(request);
    const upstream = net.connect(upstreams[index], '127.0.0.1', () => {
      const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        if (request.rawHeaders[i].toLowerCase() !== 'x-forwarded-for') lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      }
      lines.push(`X-Forwarded-For: ${forwardedFor(request)}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      downUntil.set(index, Date.now() + DOWN_FOR_MS);
      client.destroy();
    });
    client.on('error', () => upstream.destroy());
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function forwardedFor(request: http.IncomingMessage): string {
  const previous = request.headers['x-forwarded-for'];
  const address = request.socket.remoteAddress ?? '';
  return previous ? `${Array.isArray(previous) ? previous.join(', ') : previous}, ${address}` : address;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
