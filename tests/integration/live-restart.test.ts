import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import type { THostView, TPlayerQuestion, TPlayerResult, TPlayerView } from '@/lib/live/protocol/live-payloads';
import { randomPort, startAppServer, type AppServer } from '../../scripts/support/app-server';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, correctAnswerFor, createSessionOverHttp, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

// A second server process on this run's database: killed mid-question and started again on the
// same port, so the clients' automatic reconnection finds it.
let server: AppServer | undefined;
afterAll(async () => {
  await server?.stop();
});

// server.ts rebuilds when sources changed since the last build; while colleagues edit the tree
// another build may be running, so a failed start-up is retried a few times.
async function start(port: number): Promise<AppServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startAppServer({ databaseUrl: inject('databaseUrl'), port, authSecret: inject('authSecret') });
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20_000));
    }
  }
}

/**
 * SIGKILL for the real server: startAppServer runs tsx, which runs server.ts in a child process
 * that would outlive a killed tsx, so the child (found by its parent pid) is killed first.
 */
async function killHard(app: AppServer): Promise<void> {
  const parentPid = app.process.pid;
  if (!parentPid) throw new Error('the app server has no pid');
  const children = execFileSync('pgrep', ['-P', String(parentPid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  for (const pid of children) process.kill(pid, 'SIGKILL');
  await app.stop('SIGKILL');
}

describe('live sessions across a server restart', () => {
  it('loses no acknowledged answer, resumes the open question and closes it at its stored deadline', { timeout: 180_000 }, async () => {
    const port = randomPort();
    server = await start(port);
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
    server = await start(port);
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
