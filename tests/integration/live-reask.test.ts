import { describe, expect, inject, it } from 'vitest';
import { grade, solve } from '@/engine/exercises';
import { registry } from '@/engine/exercises/registry';
import { getDb } from '@/lib/db';
import type { THostQuestion, TLeaderboard, TLiveSessionResults, TPlayerQuestion, TPlayerResult, TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { liveSeed } from '@/lib/live/variants/live-variant';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectLive, createSessionOverHttp, joinOverHttp, type LiveTestSocket } from './live-test-client';

// Re-ask the top mistake: a follow-up of the same type with fresh numbers for everyone, and the
// before/after counts checked against the answers stored in the database.

const TYPE = 'comp-graph';

async function seedOf(sessionId: string, index: number, participantId: string) {
  return liveSeed({ sessionId, questionIndex: index, participantId, typeId: TYPE });
}

/** The named mistakes this participant's variant can make (the engine's own mistaken computations). */
async function mistakesOf(sessionId: string, index: number, participantId: string) {
  const exercise = registry.find((entry) => entry.meta.id === TYPE)!;
  return exercise.variant(await seedOf(sessionId, index, participantId)).mistakes;
}

/** An answer that makes `mistakeId`: the mistaken fields over the right ones. */
async function mistakenAnswer(sessionId: string, index: number, participantId: string, mistakeId: string) {
  const seed = await seedOf(sessionId, index, participantId);
  const mistake = (await mistakesOf(sessionId, index, participantId)).find((candidate) => candidate.id === mistakeId);
  if (!mistake) throw new Error(`variant has no ${mistakeId}`);
  const expected = solve(TYPE, seed);
  const answer = typeof expected === 'object' && !Array.isArray(expected) ? { ...expected, ...(mistake.answer as object) } : mistake.answer;
  expect(grade(TYPE, seed, answer).mistake).toBe(mistakeId);
  return answer;
}

async function rightAnswer(sessionId: string, index: number, participantId: string) {
  return solve(TYPE, await seedOf(sessionId, index, participantId));
}

async function playQuestion(host: LiveTestSocket, players: LiveTestSocket[], answers: unknown[], sessionId: string, index: number) {
  const results = host.next<TQuestionResults>('live:host:results', (payload) => payload.questionIndex === index);
  const personal = players.map((player) => player.next<TPlayerResult>('live:result', (payload) => payload.questionIndex === index));
  for (const [i, player] of players.entries()) expectOk(await player.emit('live:submit', { sessionId, questionIndex: index, answer: answers[i] }));
  await Promise.all(personal);
  return results;
}

describe('live session: re-ask the top mistake', () => {
  it('opens a follow-up of the same type with new numbers and reports before and after from the stored answers', async () => {
    const instructor = await createTestUser('Instructor');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
    const hostCookie = await signIn(instructor.email);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, {
      classId: klass.id,
      allowGuests: true,
      questions: [{ typeId: TYPE, timeLimitS: 60 }, { typeId: 'sigmoid-derivative', timeLimitS: 60 }],
    });
    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    const joined = await Promise.all(['Ana', 'Bo', 'Cy'].map((nickname) => joinOverHttp(pin, { nickname })));
    const [a, b, c] = await Promise.all(joined.map(({ body }) => connectLive({ guestToken: body.guestToken! })));
    for (const player of [a, b, c]) expectOk(await player.emit('live:enter', { sessionId }));
    const [idA, idB, idC] = joined.map(({ body }) => body.participantId);

    const firstQuestions = [a, b, c].map((player) => player.next<TPlayerQuestion>('live:question', (q) => q.index === 0));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const [q0a, q0b] = await Promise.all(firstQuestions);

    // A and B make the same named mistake, C is right.
    const common = (await mistakesOf(sessionId, 0, idA)).map((m) => m.id);
    const forB = new Set((await mistakesOf(sessionId, 0, idB)).map((m) => m.id));
    const mistakeId = common.find((id) => forB.has(id));
    expect(mistakeId, 'A’s and B’s variants share a named mistake').toBeTruthy();
    const results0 = await (await playQuestion(host, [a, b, c], [
      await mistakenAnswer(sessionId, 0, idA, mistakeId!),
      await mistakenAnswer(sessionId, 0, idB, mistakeId!),
      await rightAnswer(sessionId, 0, idC),
    ], sessionId, 0));
    const top = results0.mistakes[0];
    expect(top).toMatchObject({ id: mistakeId, count: 2 });
    expect(top.share).toBeCloseTo(2 / 3);

    // Refusals: a player cannot re-ask, a mistake nobody made cannot be re-asked, a stale phase is refused.
    const byPlayer = await a.emit('live:host:reask', { sessionId, from: { state: 'RESULTS', index: 0 }, mistakeId });
    expect(byPlayer.ok ? '' : byPlayer.error.reason).toBe('not-host');
    const unseen = await host.emit('live:host:reask', { sessionId, from: { state: 'RESULTS', index: 0 }, mistakeId: 'forgot-learning-rate' });
    expect(unseen.ok ? '' : unseen.error.reason).toBe('mistake-not-seen');
    const stale = await host.emit('live:host:reask', { sessionId, from: { state: 'LEADERBOARD', index: 0 }, mistakeId });
    expect(stale.ok ? '' : stale.error.reason).toBe('stale-phase');

    // Re-ask: the follow-up opens at once, same type, each player with new numbers.
    const followUps = [a, b, c].map((player) => player.next<TPlayerQuestion>('live:question', (q) => q.index === 1));
    const hostFollowUp = host.next<THostQuestion>('live:host:question', (q) => q.index === 1);
    expectOk(await host.emit('live:host:reask', { sessionId, from: { state: 'RESULTS', index: 0 }, mistakeId }));
    const [q1a, q1b, q1c] = await Promise.all(followUps);
    expect([q1a.typeId, q1b.typeId, q1c.typeId]).toEqual([TYPE, TYPE, TYPE]);
    expect(q1a.questionCount).toBe(3);
    expect(q1a.reaskOf).toBe(0);
    expect(JSON.stringify(q1a.given)).not.toBe(JSON.stringify(q0a.given));
    expect(JSON.stringify(q1b.given)).not.toBe(JSON.stringify(q0b.given));
    expect((await hostFollowUp).reask).toMatchObject({ ofIndex: 0, mistake: { id: mistakeId } });
    // A second click on the same results is stale: one follow-up only.
    const twice = await host.emit('live:host:reask', { sessionId, from: { state: 'RESULTS', index: 0 }, mistakeId });
    expect(twice.ok ? '' : twice.error.reason).toBe('stale-phase');

    // A now right, B makes it again, C (right before) now makes it.
    const forC = new Set((await mistakesOf(sessionId, 1, idC)).map((m) => m.id));
    const forB1 = new Set((await mistakesOf(sessionId, 1, idB)).map((m) => m.id));
    const cAnswer = forC.has(mistakeId!) ? await mistakenAnswer(sessionId, 1, idC, mistakeId!) : await rightAnswer(sessionId, 1, idC);
    const bAnswer = forB1.has(mistakeId!) ? await mistakenAnswer(sessionId, 1, idB, mistakeId!) : await rightAnswer(sessionId, 1, idB);
    const results1 = await (await playQuestion(host, [a, b, c], [await rightAnswer(sessionId, 1, idA), bAnswer, cAnswer], sessionId, 1));

    // Before/after against the stored rows.
    const stored = await getDb().liveAnswer.findMany({ where: { question: { sessionId } }, select: { participantId: true, mistake: true, correct: true, question: { select: { index: true } } } });
    const at = (index: number) => stored.filter((row) => row.question.index === index);
    const madeIt = at(0).filter((row) => row.mistake === mistakeId).map((row) => row.participantId);
    expect(madeIt.sort()).toEqual([idA, idB].sort());
    const afterWith = at(1).filter((row) => row.mistake === mistakeId).length;
    expect(results1.reask).toMatchObject({
      ofIndex: 0,
      mistake: { id: mistakeId },
      before: { answered: 3, withMistake: 2 },
      after: { answered: 3, withMistake: afterWith },
      madeIt: 2,
      nowCorrect: at(1).filter((row) => madeIt.includes(row.participantId) && row.correct).length,
      madeItAgain: at(1).filter((row) => madeIt.includes(row.participantId) && row.mistake === mistakeId).length,
    });
    expect(results1.reask!.nowCorrect).toBe(forB1.has(mistakeId!) ? 1 : 2);
    expect(results1.reask!.after.share).toBeCloseTo(afterWith / 3);

    // The planned second question moved one place down and plays as before.
    const board = host.next<TLeaderboard>('live:leaderboard');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 1 } }));
    await board;
    const third = a.next<TPlayerQuestion>('live:question', (q) => q.index === 2);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 1 } }));
    expect(await third).toMatchObject({ index: 2, typeId: 'sigmoid-derivative', questionCount: 3, reaskOf: null });
    expectOk(await host.emit('live:host:end', { sessionId }));

    // Both questions are in the stored results, the follow-up marked as such.
    const response = await fetch(`${inject('baseUrl')}/api/live/sessions/${sessionId}/results`, { headers: { cookie: hostCookie } });
    expect(response.status).toBe(200);
    const results = (await response.json()) as TLiveSessionResults;
    expect(results.questions.map((q) => [q.index, q.typeId, q.reaskOf?.index ?? null, q.reaskOf?.mistake ?? null])).toEqual([
      [0, TYPE, null, null],
      [1, TYPE, 0, mistakeId],
      [2, 'sigmoid-derivative', null, null],
    ]);
    const ana = results.participants.find((p) => p.participantId === idA)!;
    expect(ana.answers.map((answer) => [answer.index, answer.mistake])).toEqual([[0, mistakeId], [1, null]]);
    for (const socket of [host, a, b, c]) socket.close();
  });
});
