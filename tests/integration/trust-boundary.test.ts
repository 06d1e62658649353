import crypto from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { io } from 'socket.io-client';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { createTestUser, signIn } from '../support/auth';

// Proxies and origins (issue #12): X-Forwarded-For counts only as far as TRUST_PROXY says (the
// test server runs with TRUST_PROXY=1), and a state-changing request or a socket handshake from a
// foreign origin is refused with 403.

const base = () => inject('baseUrl');
let cookie: string;

beforeAll(async () => {
  cookie = await signIn((await createTestUser('Origin tester')).email);
});

describe('trusted proxies', () => {
  it('keys the sign-up limit on the address the trusted proxy saw, not on a forged first X-Forwarded-For entry', async () => {
    const seen = `203.0.113.${crypto.randomInt(1, 255)}-${crypto.randomBytes(3).toString('hex')}`;
    const signUp = (forged: string) =>
      fetch(`${base()}/api/account/signup`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `${forged}, ${seen}` }, body: '{}' });
    for (let i = 0; i < 30; i++) expect((await signUp(`198.51.100.${i}`)).status).toBe(400);
    const limited = await signUp('198.51.100.250');
    expect(limited.status).toBe(429);
  });
});

describe('foreign origins', () => {
  const createClass = (headers: Record<string, string>) =>
    fetch(`${base()}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify({ name: 'Origin check' }) });

  it('refuses a state-changing request from another site with 403 and a message', async () => {
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
    for (const headers of foreign) {
      const response = await createClass(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const body = (await response.json()) as { error: { code: string; text: { ko: string; en: string } } };
      expect(body.error.code).toBe('FORBIDDEN');
      expect(body.error.text.ko).toMatch(/다른 사이트/);
    }
  });

  it('lets the same origin through', async () => {
    const response = await createClass({ origin: base(), 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(201);
  });

  it('refuses a socket.io handshake from another site and accepts one from this site', async () => {
    const connect = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(`${base()}${SOCKET_NAMESPACES.live}`, { transports: ['websocket'], extraHeaders: { cookie, origin }, reconnection: false });
        socket.once('connect', () => (socket.close(), resolve('connected')));
        socket.once('connect_error', () => (socket.close(), resolve('refused')));
      });
    expect(await connect('https://evil.example')).toBe('refused');
    expect(await connect(base())).toBe('connected');
  });
});
