import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES, MAX_ANSWER_CELLS, ZAnswer } from '@/engine/exercises/answer-schema';
import { MAX_NUMBER_STRING_LENGTH } from '@/engine/exercises/parse-number';
import { ID_MAX } from '@/lib/validation/text';
import { MAX_SOCKET_MESSAGE_BYTES } from '@/lib/realtime/namespaces';

// Every answer the answer schema accepts fits into one socket.io message with room to spare, so a
// valid answer can never be the message that makes the server close a connection without an answer.

/** The largest answer ZAnswer accepts: as many longest number strings as fit into MAX_ANSWER_BYTES. */
function largestAcceptedAnswer(): string[] {
  const cell = '1'.repeat(MAX_NUMBER_STRING_LENGTH);
  const cells = Math.min(MAX_ANSWER_CELLS, Math.floor((MAX_ANSWER_BYTES - 1) / (cell.length + 3)));
  return new Array(cells).fill(cell);
}

describe('socket message limit', () => {
  it('fits the largest accepted answer, in a live:submit envelope with the longest ids, into one message', () => {
    const answer = largestAcceptedAnswer();
    expect(ZAnswer.safeParse(answer).success).toBe(true);
    const payload = { sessionId: 'x'.repeat(ID_MAX), questionIndex: 2 ** 31, answer, clientSubmissionId: 'y'.repeat(ID_MAX) };
    // socket.io's packet: type, namespace, ack id, then the JSON array of event name and payload.
    const packet = `42/live,${2 ** 31}${JSON.stringify(['live:submit', payload])}`;
    expect(new TextEncoder().encode(packet).length).toBeLessThan(MAX_SOCKET_MESSAGE_BYTES);
    expect(MAX_ANSWER_BYTES * 2).toBeLessThanOrEqual(MAX_SOCKET_MESSAGE_BYTES);
  });

  it('refuses an answer over MAX_ANSWER_BYTES though its cells are within the limit', () => {
    const answer = new Array(Math.ceil(MAX_ANSWER_BYTES / 60)).fill('1'.repeat(60));
    expect(answer.length).toBeLessThanOrEqual(MAX_ANSWER_CELLS);
    const parsed = ZAnswer.safeParse(answer);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(`answer is larger than ${MAX_ANSWER_BYTES / 1024} KB`);
  });

  it('counts the bytes of Korean and escaped characters, not the characters', () => {
    // 40 three-byte characters a cell: 120 bytes, so ~300 cells are over 32 KB.
    expect(ZAnswer.safeParse(new Array(300).fill('가'.repeat(40))).success).toBe(false);
    expect(ZAnswer.safeParse(new Array(300).fill('1'.repeat(40))).success).toBe(true);
  });
});
