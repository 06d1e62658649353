import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { TCorrectnessView, THostLobbyChange, TLeaderboard, TPlayerQuestion, TPlayerResult, TPlayerView } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, correctAnswerFor, hostTwoQuestionSession, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

describe('live host controls', () => {
  it('locks joining, lets a late joiner in at the current question, removes a player, ignores a double click and ends mid-question with the answers counted', async () => {
    const instructor = await createTestUser('Instructor');
    const students = await Promise.all([createTestUser('Early'), createTestUser('Late'), createTestUser('Removed')]);
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))]);
    const hostCookie = await signIn(instructor.email);
    const [earlyCookie, lateCookie, removedCookie] = await Promise.all(students.map((student) => signIn(student.email)));
    const { sessionId, pin, host } = await hostTwoQuestionSession(hostCookie, klass.id);
    const early = (await joinOverHttp(pin, { cookie: earlyCookie })).body;
    const removed = (await joinOverHttp(pin, { cookie: removedCookie })).body;

    // Locked: nobody new gets in, but a player already in may come back.
    expectOk(await host.emit('live:host:lock', { sessionId, locked: true }));
    const lockedOut = await joinOverHttp(pin, { nickname: 'Newcomer' });
    expect(lockedOut.status).toBe(403);
    expect((lockedOut.body as unknown as { error: { reason: string } }).error.reason).toBe('session-locked');
    expect((await joinOverHttp(pin, { cookie: earlyCookie })).body.participantId).toBe(early.participantId);
    expectOk(await host.emit('live:host:lock', { sessionId, locked: false }));

    const earlySocket = await connectLive({ cookie: earlyCookie });
    const removedSocket = await connectLive({ cookie: removedCookie });
    for (const player of [earlySocket, removedSocket]) expectOk(await player.emit('live:enter', { sessionId }));

    // Two clicks on Start at once: one opens question 1, the other is told the session moved on.
    const opened = earlySocket.next<TPlayerQuestion>('live:question');
    const clicks = await Promise.all([0, 1].map(() => host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } })));
    expect(clicks.filter((ack) => ack.ok)).toHaveLength(1);
    expect(clicks.map((ack) => (ack.ok ? 'ok' : ack.error.reason)).sort()).toEqual(['ok', 'stale-phase']);
    const question = await opened;
    expect(await getDb().liveQuestion.count({ where: { sessionId, openedAt: { not: null } } })).toBe(1);

    // A late joiner starts at 0 on the current question, with the same deadline.
    const late = (await joinOverHttp(pin, { cookie: lateCookie })).body;
    const lateSocket = await connectLive({ cookie: lateCookie });
    const lateView = expectOk(await lateSocket.emit<{ view: TPlayerView }>('live:enter', { sessionId })).view;
    expect(lateView.question?.index).toBe(0);
    expect(lateView.question?.closesAt).toBe(question.closesAt);
    expect(lateView.you.score).toBe(0);

    // Removing a player: they are told, cannot answer or rejoin, and leave the count.
    const kickedEvent = removedSocket.next('live:kicked');
    const lobby = host.next<THostLobbyChange>('live:host:lobby', (change) => change.removedId === removed.participantId);
    expectOk(await host.emit('live:host:kick', { sessionId, participantId: removed.participantId }));
    await kickedEvent;
    expect((await lobby).joined).toBe(2);
    const kickedSubmit = await removedSocket.emit('live:submit', { sessionId, questionIndex: 0, answer: { value: 1, derivative: 1, gradient: 1 } });
    expect(kickedSubmit.ok ? 'stored' : kickedSubmit.error.reason).toBe('kicked');
    expect((await joinOverHttp(pin, { cookie: removedCookie })).status).toBe(403);

    // The host ends the session mid-question: the answer given counts, then the podium.
    expectOk(await earlySocket.emit('live:submit', { sessionId, questionIndex: 0, answer: await correctAnswerFor(sessionId, 0, early.participantId, 'sigmoid-derivative') }));
    const result = earlySocket.next<TPlayerResult>('live:result');
    const podium = lateSocket.next<TLeaderboard>('live:leaderboard', (board) => board.isFinal);
    expectOk(await host.emit('live:host:end', { sessionId }));
    expect(await result).toMatchObject({ answered: true, correct: true, rank: 1, participantCount: 2 });
    const board = await podium;
    expect(board.top.map((entry) => entry.nickname)).toEqual([early.nickname, late.nickname]);
    expect(board.participantCount).toBe(2);

    // The correctness-only view: grades per student and question, no points.
    const correctness = expectOk(await host.emit<{ view: TCorrectnessView }>('live:host:correctness', { sessionId })).view;
    expect(correctness.questions).toHaveLength(1);
    expect(correctness.questions[0].shareCorrect).toBeCloseTo(0.5);
    expect(correctness.participants.map((p) => [p.nickname, p.grades])).toEqual(
      [[early.nickname, [1]], [late.nickname, [null]]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(JSON.stringify(correctness)).not.toMatch(/points|msToAnswer/);
    for (const socket of [host, earlySocket, lateSocket, removedSocket]) socket.close();
  });
});
