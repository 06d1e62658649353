import { describe, expect, inject, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { TAck } from '@/lib/errors';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { createTestUser, signIn } from '../support/auth';

// One socket layer (lib/realtime/on-event.ts) for both features: the same error object on every
// failed ack, one namespace per feature.

async function connect(namespace: string, cookie?: string): Promise<Socket> {
  const socket = io(`${inject('baseUrl')}${namespace}`, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const emit = (socket: Socket, event: string, ...args: unknown[]) => socket.timeout(10_000).emitWithAck(event, ...args) as Promise<TAck<object>>;

describe('the shared socket layer', () => {
  it('answers a malformed payload on /live and on /training with the same error object', async () => {
    const cookie = await signIn((await createTestUser()).email);
    const live = await connect(SOCKET_NAMESPACES.live, cookie);
    const training = await connect(SOCKET_NAMESPACES.training, cookie);
    const liveAck = await emit(live, 'live:host:enter', { sessionId: 42 });
    const trainingAck = await emit(training, 'training:stop', { runId: 42 });
    for (const [ack, field] of [[liveAck, 'sessionId'], [trainingAck, 'runId']] as const) {
      expect(ack.ok).toBe(false);
      if (ack.ok) continue;
      expect(ack.error).toMatchObject({ code: 'BAD_REQUEST', reason: 'bad-request' });
      expect(ack.error.message).toMatch(new RegExp(`^Invalid input — ${field}: `));
      expect(ack.error.text.ko).toMatch(new RegExp(`^잘못된 입력입니다 — ${field}: `));
      expect(Object.keys(ack.error.fieldErrors ?? {})).toEqual([field]);
    }
    live.close();
    training.close();
  });

  it('acknowledges an event sent without a payload exactly once, as a bad request', async () => {
    const live = await connect(SOCKET_NAMESPACES.live);
    const ack = await emit(live, 'live:enter');
    expect(ack.ok ? 'ok' : ack.error.reason).toBe('bad-request');
    live.close();
  });

  it('refuses a training event from a socket without a session as unauthorized, in both languages', async () => {
    const training = await connect(SOCKET_NAMESPACES.training);
    const ack = await emit(training, 'training:watch', { runId: 'x' });
    if (ack.ok) throw new Error('expected a refusal');
    expect(ack.error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'unauthorized' });
    expect(ack.error.text.ko).toMatch(/로그인/);
    training.close();
  });

  it('says "too many" in Korean too when a socket floods the training namespace', async () => {
    const cookie = await signIn((await createTestUser()).email);
    const training = await connect(SOCKET_NAMESPACES.training, cookie);
    const acks = await Promise.all(Array.from({ length: 14 }, () => emit(training, 'training:watch', { runId: 'nope' })));
    const limited = acks.flatMap((ack) => (!ack.ok && ack.error.code === 'RATE_LIMITED' ? [ack.error] : []));
    expect(limited).toHaveLength(4);
    for (const error of limited) {
      expect(error.reason).toBe('rate-limited');
      expect(error.text.ko).toMatch(/요청이 너무 많습니다/);
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    training.close();
  });

  it('keeps the features apart: live events are not handled on /training, nor training events on /live', async () => {
    const cookie = await signIn((await createTestUser()).email);
    const training = await connect(SOCKET_NAMESPACES.training, cookie);
    await expect(training.timeout(1_500).emitWithAck('live:host:enter', { sessionId: 'x' })).rejects.toThrow(/timed out/);
    const live = await connect(SOCKET_NAMESPACES.live, cookie);
    await expect(live.timeout(1_500).emitWithAck('training:watch', { runId: 'x' })).rejects.toThrow(/timed out/);
    live.close();
    training.close();
  });
});
