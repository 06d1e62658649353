import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { THostView, TPlayerQuestion, TPlayerView, TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { wrongAnswer } from '../../scripts/support/wrong-answer';
import { connectLive, correctAnswerFor, hostTwoQuestionSession, joinOverHttp, type LiveTestSocket } from './live-test-client';
import { expectOk } from '../support/acks';

// Re-entering (a second tab, or live:enter again) while a question is open must not tell a player
// whether the answer they just gave was right: score, streak and rank stay those of the last
// closed question until it closes, for the player and the host alike.

async function enterAgain(cookie: string, sessionId: string): Promise<TPlayerView['you']> {
  const tab = await connectLive({ cookie });
  const { view } = expectOk(await tab.emit<{ view: TPlayerView }>('live:enter', { sessionId }));
  tab.close();
  return view.you;
}

async function hostScores(cookie: string, sessionId: string): Promise<Record<string, number>> {
  const tab = await connectLive({ cookie });
  const { view } = expectOk(await tab.emit<{ view: THostView }>('live:host:enter', { sessionId }));
  tab.close();
  return Object.fromEntries(view.participants.map((participant) => [participant.id, participant.score]));
}

describe('live re-entry while a question is open', () => {
  it('shows standings as of the last closed question until the question closes', async () => {
    const instructor = await createTestUser('Reentry Host');
    const students = await Promise.all(['Ahn', 'Baek', 'Cho'].map((name) => createTestUser(name)));
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))]);
    const hostCookie = await signIn(instructor.email);
    const cookies = await Promise.all(students.map((student) => signIn(student.email)));
    const { sessionId, pin, host } = await hostTwoQuestionSession(hostCookie, klass.id);
    const joined = [];
    const sockets: LiveTestSocket[] = [];
    for (const cookie of cookies) {
      joined.push((await joinOverHttp(pin, { cookie })).body);
      const socket = await connectLive({ cookie });
      expectOk(await socket.emit('live:enter', { sessionId }));
      sockets.push(socket);
    }
    const [a, b] = sockets;
    const [aId, bId, cId] = joined.map((player) => player.participantId);
    const [aCookie, bCookie] = cookies;

    // Question 1: A answers right; B and C do not; the host closes it.
    const q0 = a.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await q0;
    expectOk(await a.emit('live:submit', { sessionId, questionIndex: 0, answer: await correctAnswerFor(sessionId, 0, aId, 'sigmoid-derivative') }));
    // Even A's own re-entry does not show the points yet.
    expect(await enterAgain(aCookie, sessionId)).toMatchObject({ score: 0, streak: 0 });
    const closed0 = host.next<TQuestionResults>('live:host:results', (results) => results.questionIndex === 0);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 0 } }));
    await closed0;
    const aAfter0 = await enterAgain(aCookie, sessionId);
    const bAfter0 = await enterAgain(bCookie, sessionId);
    expect(aAfter0.score).toBeGreaterThan(0);
    expect(aAfter0).toMatchObject({ streak: 1, rank: 1, participantCount: 3 });
    expect(bAfter0).toMatchObject({ score: 0, streak: 0, rank: 2 });
    const hostAfter0 = await hostScores(hostCookie, sessionId);
    expect(hostAfter0).toEqual({ [aId]: aAfter0.score, [bId]: 0, [cId]: 0 });

    // Question 2: B answers right (and would lead), A answers wrong (and would lose the streak).
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
    const bQuestion = b.next<TPlayerQuestion>('live:question');
    const aQuestion = a.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 0 } }));
    await bQuestion;
    const aSpec = (await aQuestion).answerSpec;
    expectOk(await b.emit('live:submit', { sessionId, questionIndex: 1, answer: await correctAnswerFor(sessionId, 1, bId, 'weight-decay') }));
    expectOk(await a.emit('live:submit', { sessionId, questionIndex: 1, answer: wrongAnswer(aSpec, await correctAnswerFor(sessionId, 1, aId, 'weight-decay')) }));
    const stored = await getDb().liveAnswer.findMany({ where: { question: { sessionId, index: 1 } }, select: { participantId: true, correct: true, points: true } });
    expect(stored.find((answer) => answer.participantId === bId)).toMatchObject({ correct: true });
    expect(stored.find((answer) => answer.participantId === aId)).toMatchObject({ correct: false });
    // The stored totals already include question 2 …
    const rows = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { id: true, score: true, streak: true } });
    expect(rows.find((row) => row.id === bId)!.score).toBeGreaterThan(0);
    expect(rows.find((row) => row.id === aId)!.streak).toBe(0);
    // … but a second tab, and the host, see the standings after question 1.
    expect(await enterAgain(aCookie, sessionId)).toEqual(aAfter0);
    expect(await enterAgain(bCookie, sessionId)).toEqual(bAfter0);
    expect(await hostScores(hostCookie, sessionId)).toEqual(hostAfter0);

    // Once it closes, everyone sees the new standings.
    const closed1 = host.next<TQuestionResults>('live:host:results', (results) => results.questionIndex === 1);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 1 } }));
    await closed1;
    const aPoints = stored.find((answer) => answer.participantId === aId)!.points;
    const bPoints = stored.find((answer) => answer.participantId === bId)!.points;
    expect(await enterAgain(aCookie, sessionId)).toMatchObject({ score: aAfter0.score + aPoints, streak: 0 });
    expect(await enterAgain(bCookie, sessionId)).toMatchObject({ score: bPoints, streak: 1 });
    expect(await hostScores(hostCookie, sessionId)).toEqual({ [aId]: aAfter0.score + aPoints, [bId]: bPoints, [cId]: 0 });
    for (const socket of [...sockets, host]) socket.close();
  });
});
