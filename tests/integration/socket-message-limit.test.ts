import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES } from '@/engine/exercises/answer-schema';
import { MAX_NUMBER_STRING_LENGTH } from '@/engine/exercises/parse-number';
import { MAX_SOCKET_MESSAGE_BYTES } from '@/lib/realtime/namespaces';
import { emitLive, type LiveSocket } from '@/components/live/live-socket';
import { connectLive, type LiveTestSocket } from './live-test-client';

// docs/live-protocol.md#message-size: an answer the schema accepts always reaches a handler and
// gets its one acknowledgement; a larger one (still under the socket limit) gets a clear
// refusal; the browser's client does not send anything over the limit (the server would close
// the connection without an answer) and answers `payload-too-large` itself.

const cell = '1'.repeat(MAX_NUMBER_STRING_LENGTH);
const answerOf = (cells: number) => new Array(cells).fill(cell);
const submit = (answer: unknown) => ({ sessionId: 'no-such-session', questionIndex: 0, answer });

let live: LiveTestSocket;
beforeAll(async () => {
  live = await connectLive();
});
afterAll(() => live?.close());

describe('socket message size', () => {
  it('carries the largest accepted answer to the handler, which answers once; the socket stays', async () => {
    const answer = answerOf(Math.floor((MAX_ANSWER_BYTES - 1) / (cell.length + 3)));
    const ack = (await live.emit('live:submit', submit(answer))) as { ok: boolean; error?: { reason: string } };
    // Past the schema: refused for what it is (no such session), not for its size.
    expect(ack.ok).toBe(false);
    expect(ack.error?.reason).not.toBe('bad-request');
    expect(live.socket.connected).toBe(true);
  });

  it('refuses an answer over the answer limit but under the socket limit with a clear message, in both languages', async () => {
    const answer = answerOf(600);
    expect(JSON.stringify(answer).length).toBeLessThan(MAX_SOCKET_MESSAGE_BYTES);
    const ack = (await live.emit('live:submit', submit(answer))) as { ok: boolean; error: { code: string; message: string; text: { ko: string; en: string } } };
    expect(ack.ok).toBe(false);
    expect(ack.error.code).toBe('BAD_REQUEST');
    expect(ack.error.message).toContain(`answer is larger than ${MAX_ANSWER_BYTES / 1024} KB`);
    expect(ack.error.text.ko).toContain('잘못된 입력입니다');
    expect(live.socket.connected).toBe(true);
  });

  it('does not send a message over the socket limit from the browser client: a payload-too-large error, and the connection stays', async () => {
    const socket = live.socket as unknown as LiveSocket;
    const started = Date.now();
    const ack = await emitLive(socket, 'live:submit', submit(answerOf(2_000)) as never);
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.reason).toBe('payload-too-large');
      expect(ack.error.text.ko).toContain('64 KB');
      expect(ack.error.text.en).toContain('64 KB');
    }
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(live.socket.connected).toBe(true);
    const after = await emitLive(socket, 'live:submit', submit(1) as never);
    expect(after.ok).toBe(false);
    expect(live.socket.connected).toBe(true);
  });

  it('closes the connection of a client that sends more than the socket limit anyway (documented: no acknowledgement)', async () => {
    const raw = await connectLive();
    const closed = new Promise<string>((resolve) => raw.socket.once('disconnect', resolve));
    raw.socket.emit('live:submit', submit(answerOf(2_000)), () => {});
    expect(await closed).toMatch(/transport (close|error)/);
    raw.close();
  });
});
