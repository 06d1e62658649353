import { describe, expect, it } from 'vitest';
import { generate, solve } from '@/engine/exercises';
import type { TPlayerQuestion } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { isSameNumber, numbersIn } from '../support/numbers';
import { connectLive, createSessionOverHttp, joinOverHttp, type LiveTestSocket } from './live-test-client';
import { expectOk } from '../support/acks';
import { liveSeed } from '@/lib/live/variants/live-variant';

const QUESTIONS = [
  { typeId: 'affine-backward', timeLimitS: 60 },
  { typeId: 'softmax-ce-grad', timeLimitS: 60 },
  { typeId: 'perceptron-step', timeLimitS: 60 },
];
// Answers the other players type: distinctive numbers that must never reach the watched student.
const OTHERS_ANSWERS = [777.125, -31337.5];

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) {
    into.push(key);
    stringsIn(item, into);
  }
  return into;
}

/** The payload without any `explanation` (a player's own worked solution, sent after the close). */
function withoutExplanations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExplanations);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'explanation').map(([key, item]) => [key, withoutExplanations(item)]));
  return value;
}

function explanationsIn(value: unknown, into: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) explanationsIn(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'explanation') into.push(item);
      else explanationsIn(item, into);
    }
  }
  return into;
}

function isDistinctive(value: number): boolean {
  return Math.abs(value * 1000 - Math.round(value * 1000)) > 1e-6;
}

/** An answer of the right shape filled with one number, built from the variant's AnswerSpec. */
function fill(spec: TPlayerQuestion['answerSpec'], value: number): unknown {
  switch (spec.kind) {
    case 'scalar':
      return value;
    case 'vector':
      return Array.from({ length: spec.length }, () => value);
    case 'matrix':
      return Array.from({ length: spec.rows }, () => Array.from({ length: spec.cols }, () => value));
    case 'tensor': {
      const build = (dims: number[]): unknown => (dims.length === 0 ? value : Array.from({ length: dims[0] }, () => build(dims.slice(1))));
      return build(spec.shape);
    }
    case 'choice':
      return spec.options[0].id;
    case 'shape':
      return [Math.abs(Math.round(value))];
    case 'fields':
      return Object.fromEntries(Object.entries(spec.fields).map(([name, field]) => [name, fill(field, value)]));
  }
}

describe('live privacy', () => {
  it('sends a student nothing during a whole session that holds an expected answer, another student\'s variant or another student\'s answer', async () => {
    const instructor = await createTestUser('Instructor');
    const [watched, other] = await Promise.all([createTestUser('Watched'), createTestUser('Other')]);
    const klass = await createTestClass([
      { user: instructor, role: 'INSTRUCTOR' },
      { user: watched, role: 'STUDENT' },
      { user: other, role: 'STUDENT' },
    ]);
    const hostCookie = await signIn(instructor.email);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, allowGuests: true, questions: QUESTIONS });
    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));

    const watchedCookie = await signIn(watched.email);
    const joined = [
      (await joinOverHttp(pin, { cookie: watchedCookie })).body,
      (await joinOverHttp(pin, { cookie: await signIn(other.email) })).body,
      (await joinOverHttp(pin, { nickname: 'Guest' })).body,
    ];
    const watchedSocket = await connectLive({ cookie: watchedCookie });
    const others: LiveTestSocket[] = [await connectLive({ cookie: await signIn(other.email) }), await connectLive({ guestToken: joined[2].guestToken! })];
    for (const player of [watchedSocket, ...others]) expectOk(await player.emit('live:enter', { sessionId }));

    for (let index = 0; index < QUESTIONS.length; index++) {
      const from = index === 0 ? { state: 'LOBBY', index: -1 } : { state: 'LEADERBOARD', index: index - 1 };
      const seen = [watchedSocket, ...others].map((player) => player.next<TPlayerQuestion>('live:question', (q) => q.index === index));
      expectOk(await host.emit('live:host:advance', { sessionId, from }));
      const [mine, ...theirs] = await Promise.all(seen);
      // The watched student answers with a wrong answer of the right shape; the others with distinctive numbers.
      expectOk(await watchedSocket.emit('live:submit', { sessionId, questionIndex: index, answer: fill(mine.answerSpec, 0.5) }));
      const closed = watchedSocket.next('live:result', (result: { questionIndex: number }) => result.questionIndex === index);
      for (const [i, player] of others.entries()) {
        expectOk(await player.emit('live:submit', { sessionId, questionIndex: index, answer: fill(theirs[i].answerSpec, OTHERS_ANSWERS[i]) }));
      }
      await closed;
      expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index } }));
    }
    const podium = watchedSocket.next('live:leaderboard', (board: { isFinal: boolean }) => board.isFinal);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: QUESTIONS.length - 1 } }));
    await podium;
    // A reload at the end: the re-entry snapshot is scanned too.
    expectOk(await watchedSocket.emit('live:enter', { sessionId }));

    const received = watchedSocket.events;
    expect(received.filter((e) => e.event === 'live:question')).toHaveLength(QUESTIONS.length);
    const ownQuestions = received.filter((e) => e.event === 'live:question').map((e) => e.payload as TPlayerQuestion);
    const ownVisible = new Set(ownQuestions.flatMap((q) => numbersIn(q.given)));
    // The one thing that may hold expected values: the watched student's own worked solution, in
    // their result once the question has closed. It is checked on its own below.
    const allNumbers = received.flatMap((e) => numbersIn(withoutExplanations(e.payload)));
    const allStrings = received.flatMap((e) => stringsIn(withoutExplanations(e.payload)));
    const explanationStrings = received.flatMap((e) => stringsIn(explanationsIn(e.payload)));
    expect(received.filter((e) => explanationsIn(e.payload).length > 0 && e.event !== 'live:result' && e.event !== 'ack:live:enter').map((e) => e.event)).toEqual([]);
    expect(received.filter((e) => e.event === 'live:question').flatMap((e) => explanationsIn(e.payload))).toEqual([]);

    // 1. No expected value of any participant's variant (the watched student's own included).
    const forbidden: number[] = [];
    const seedOf = (index: number, participantId: string) => liveSeed({ sessionId, questionIndex: index, participantId, typeId: QUESTIONS[index].typeId });
    const seeds = new Map<string, number[]>();
    for (const participant of joined) seeds.set(participant.participantId, await Promise.all(QUESTIONS.map((_, index) => seedOf(index, participant.participantId))));
    for (const participant of joined) {
      const before = forbidden.length;
      QUESTIONS.forEach(({ typeId }, index) => {
        for (const value of numbersIn(solve(typeId, seeds.get(participant.participantId)![index]))) {
          // Round numbers (a score of 0.25, a count) and values shown in the student's own question
          // can appear for honest reasons; a computed result with many digits cannot.
          if (isDistinctive(value) && !ownVisible.has(value)) forbidden.push(value);
        }
      });
      // How many depends on the random numbers (an affine gradient of one-decimal inputs can be
      // round); softmax probabilities never are, so every participant contributes some.
      expect(forbidden.length - before, `distinctive expected values of ${participant.nickname}`).toBeGreaterThanOrEqual(2);
    }
    const othersForbidden: number[] = [];
    for (const participant of joined.slice(1)) {
      QUESTIONS.forEach(({ typeId }, index) => {
        for (const value of numbersIn(solve(typeId, seeds.get(participant.participantId)![index]))) if (isDistinctive(value) && !ownVisible.has(value)) othersForbidden.push(value);
      });
    }
    for (const value of othersForbidden) expect(explanationStrings.some((s) => s.includes(String(value))), `another player's value ${value} in an explanation`).toBe(false);
    for (const value of forbidden) {
      expect(allNumbers.some((n) => isSameNumber(n, value)), `expected value ${value} was sent`).toBe(false);
      expect(allStrings.some((s) => s.includes(String(value))), `expected value ${value} appears in a string`).toBe(false);
    }
    // 2. No other participant's variant: their prompts never appear.
    for (const participant of joined.slice(1)) {
      QUESTIONS.forEach(({ typeId }, index) => {
        const theirPrompt = generate(typeId, seeds.get(participant.participantId)![index]).prompt;
        expect(allStrings.some((s) => s.includes(theirPrompt.en) || s.includes(theirPrompt.ko))).toBe(false);
      });
    }
    // 3. No other participant's answer, and no field that names a solution or a seed.
    for (const value of OTHERS_ANSWERS) expect(allNumbers).not.toContain(value);
    for (const key of ['expected', 'solution', 'seed', 'guestToken', 'guestTokenHash']) expect(allStrings).not.toContain(key);
    // No other participant's id either (their seed is derived from it).
    for (const participant of joined.slice(1)) expect(JSON.stringify(received)).not.toContain(participant.participantId);

    for (const socket of [host, watchedSocket, ...others]) socket.close();
  });
});
