import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { THostView, TPlayerQuestion, TPlayerResult, TPlayerView } from '@/lib/live/protocol/live-payloads';
import { randomPort, type AppServer } from '../../scripts/support/app-server';
import { killHard, startSecondServer } from '../support/second-server';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, correctAnswerFor, createSessionOverHttp, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

// A second server process on this run's database: killed mid-question and started again on the
// same port, so the clients' automatic reconnection finds it.
let server: AppServer | undefined;
afterAll(async () => {
  await server?.stop();
});

describe('live sessions across a server restart', () => {
  it('loses no acknowledged answer, resumes the open question and closes it at its stored deadline', { timeout: 180_000 }, async () => {
    const port = randomPort();
    server = await startSecondServer(port);
    const baseUrl = server.baseUrl;
    const instructor = await createTestUser('Instructor');
    const students = await Promise.all([createTestUser('Answers before'), createTestUser('Answers after'), createTestUser('Never answers')]);
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))]);
    const hostCookie = await signIn(instructor.email, undefined, baseUrl);
    const cookies = await Promise.all(students.map((student) => signIn(student.email, undefined, baseUrl)));
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 45 }] }, baseUrl);
    const joined = await Promise.all(cookies.map((cookie) => joinOverHttp(pin, { cookie, baseUrl })));

    const host = await connectLive({ baseUrl, cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    const players = await Promise.all(cookies.map((cookie) => connectLive({ baseUrl, cookie })));
    for (const player of players) expectOk(await player.emit('live:enter', { sessionId }));
    const opened = players[0].next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const question = await opened;
    const right = await correctAnswerFor(sessionId, 0, joined[0].body.participantId, 'sigmoid-derivative');
    const ack = expectOk(await players[0].emit<{ isDuplicate: boolean }>('live:submit', { sessionId, questionIndex: 0, answer: right }));
    expect(ack.isDuplicate).toBe(false);

    // The server dies without a chance to clean up.
    await killHard(server);
    server = await startSecondServer(port);
    const reconnected = (player: { socket: { connected: boolean } }) =>
      new Promise<void>((resolve) => {
        const poll = setInterval(() => player.socket.connected && (clearInterval(poll), resolve()), 100);
      });
    await Promise.all([host, ...players].map(reconnected));
    for (const player of [host, ...players]) expect(player.socket.recovered).toBe(false);

    // Everyone re-enters from the database: same question, same deadline, the stored answer.
    const hostView = expectOk(await host.emit<{ view: THostView }>('live:host:enter', { sessionId })).view;
    expect(hostView.session.state).toBe('QUESTION');
    expect(hostView.question?.closesAt).toBe(question.closesAt);
    expect(hostView.progress).toMatchObject({ answered: 1, joined: 3 });
    const views = await Promise.all(players.map(async (player) => expectOk(await player.emit<{ view: TPlayerView }>('live:enter', { sessionId })).view));
    expect(views[0].question?.given).toEqual(question.given);
    expect(views[0].submission?.answer).toEqual(right);
    expect(views[1].submission).toBeNull();

    // The second student answers on the new process; the third never does, so only the re-armed
    // timer can close the question, at its stored deadline.
    expectOk(await players[1].emit('live:submit', { sessionId, questionIndex: 0, answer: { value: 0.5, derivative: 0.25, gradient: 0.1 } }));
    const untilDeadline = new Date(question.closesAt).getTime() - Date.now();
    const result = await players[0].next<TPlayerResult>('live:result', () => true, Math.max(0, untilDeadline) + 15_000);
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(question.closesAt).getTime());
    expect(result).toMatchObject({ questionIndex: 0, answered: true, correct: true, rank: 1, participantCount: 3 });
    const stored = await getDb().liveAnswer.findMany({ where: { question: { sessionId } } });
    expect(stored).toHaveLength(2);
    for (const socket of [host, ...players]) socket.close();
  });
});
