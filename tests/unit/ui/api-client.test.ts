import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, toErrorPayload } from '@/lib/errors';
import { describeApiError, sendJson } from '@/components/ui/api-client';

// The browser's one API client against a real HTTP server that answers as handleRoute does
// (the same error payload, built by toErrorPayload).

const routes: Record<string, (body: string) => { status: number; body?: unknown }> = {
  '/ok': (body) => ({ status: 200, body: { echoed: JSON.parse(body) } }),
  '/empty': () => ({ status: 204 }),
  '/locked': () => ({ status: 403, body: { error: toErrorPayload(new AppError('FORBIDDEN', { ko: '진행자가 세션을 잠갔습니다.', en: 'The host has locked the session.' }, { reason: 'session-locked' })) } }),
  '/english-only': () => ({ status: 403, body: { error: toErrorPayload(new AppError('FORBIDDEN', 'Only an instructor of this class can do that.')) } }),
  '/not-json': () => ({ status: 200, body: '<html>' }),
};

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const route = routes[request.url ?? ''];
      const answer = route ? route(body) : { status: 404, body: { error: toErrorPayload(new AppError('NOT_FOUND', 'No such route.')) } };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sendJson', () => {
  it('sends a JSON body and resolves to the parsed reply, and to null for an empty one', async () => {
    expect(await sendJson(`${base}/ok`, 'POST', { pin: '123456' })).toEqual({ ok: true, data: { echoed: { pin: '123456' } } });
    expect(await sendJson(`${base}/empty`, 'POST')).toEqual({ ok: true, data: null });
  });

  it("keeps the server's reason and its sentence in both languages", async () => {
    const result = await sendJson(`${base}/locked`, 'POST', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ status: 403, code: 'FORBIDDEN', reason: 'session-locked' });
    expect(describeApiError(result.error, 'ko')).toBe('진행자가 세션을 잠갔습니다.');
    expect(describeApiError(result.error, 'en')).toBe('The host has locked the session.');
    // A form's own wording for the code still comes first.
    expect(describeApiError(result.error, 'en', { FORBIDDEN: { ko: '잠김', en: 'Locked' } })).toBe('Locked');
  });

  it('uses the generic sentence in the viewer’s language when the server said it only in English', async () => {
    const result = await sendJson(`${base}/english-only`, 'POST', {});
    if (result.ok) throw new Error('expected a refusal');
    expect(describeApiError(result.error, 'ko')).toBe('이 작업을 할 권한이 없습니다.');
  });

  it('never throws: no server is a NETWORK error after the retries, a reply that is not JSON an INTERNAL one', async () => {
    const retries: number[] = [];
    const closed = `http://127.0.0.1:1/nothing`;
    const result = await sendJson(closed, 'POST', {}, { retries: 2, retryDelayMs: 1, onRetry: (attempt) => retries.push(attempt) });
    expect(result).toMatchObject({ ok: false, error: { status: 0, code: 'NETWORK' } });
    expect(retries).toEqual([1, 2]);
    if (!result.ok) expect(describeApiError(result.error, 'ko')).toContain('서버에 연결할 수 없습니다');
    expect(await sendJson(`${base}/not-json`, 'GET')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
