import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createClient } from 'redis';
import { getDb } from '@/lib/db';
import type { TPlayerQuestion, TQuestionProgress, TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { randomPort, startAppServer, type AppServer } from '../../scripts/support/app-server';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, correctAnswerFor, createSessionOverHttp, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

const REDIS_URL = 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<string | null> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1500, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.quit().catch(() => {});
  }
}

const redisProblem = await redisAnswers();
if (redisProblem) console.warn(`[live-redis] skipped: no Redis answers at ${REDIS_URL} (${redisProblem})`);

const servers: AppServer[] = [];
beforeAll(async () => {
  if (redisProblem) return;
  const env = { REDIS_URL };
  const ports = [randomPort(), randomPort()];
  // One after the other: the first may rebuild the app (sources changed), the second then reuses it.
  for (const port of ports) servers.push(await startAppServer({ databaseUrl: inject('databaseUrl'), port, authSecret: inject('authSecret'), env }));
}, 300_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

describe('live sessions on two processes joined by the Redis streams adapter', () => {
  it.skipIf(Boolean(redisProblem))('serves one session with the host on one process and the players on the other', { timeout: 120_000 }, async () => {
    const [hostServer, playerServer] = servers;
    const instructor = await createTestUser('Instructor');
    const students = await Promise.all([createTestUser('S1'), createTestUser('S2')]);
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))]);
    const hostCookie = await signIn(instructor.email, undefined, hostServer.baseUrl);
    const cookies = await Promise.all(students.map((student) => signIn(student.email, undefined, playerServer.baseUrl)));
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: [{ typeId: 'delta-rule', timeLimitS: 60 }] }, hostServer.baseUrl);
    const joined = await Promise.all(cookies.map((cookie) => joinOverHttp(pin, { cookie, baseUrl: playerServer.baseUrl })));

    const host = await connectLive({ baseUrl: hostServer.baseUrl, cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    const lobby = host.next<{ joined: number }>('live:host:lobby', (change) => change.joined === 2);
    const players = await Promise.all(cookies.map((cookie) => connectLive({ baseUrl: playerServer.baseUrl, cookie })));
    for (const player of players) expectOk(await player.emit('live:enter', { sessionId }));
    await lobby;

    // Opened on the host's process: each variant reaches its player on the other process.
    const questions = players.map((player) => player.next<TPlayerQuestion>('live:question'));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const [q1, q2] = await Promise.all(questions);
    expect(q1.given).not.toEqual(q2.given);

    // Answers land on the players' process; the host's count and the results cross back.
    const progress = host.next<TQuestionProgress>('live:host:progress', (p) => p.answered === 1);
    expectOk(await players[0].emit('live:submit', { sessionId, questionIndex: 0, answer: await correctAnswerFor(sessionId, 0, joined[0].body.participantId, 'delta-rule') }));
    await progress;

    // A short drop: the player reconnects to the *other* process and still recovers its state.
    const dropped = players[1];
    const recovered = new Promise<void>((resolve) => dropped.socket.once('connect', () => resolve()));
    // socket.io-client reconnects to its manager's URI; pointing it at the other process is what a
    // load balancer without sticky sessions would do after a drop.
    (dropped.socket.io as unknown as { uri: string }).uri = hostServer.baseUrl;
    dropped.socket.io.engine.close();
    await recovered;
    expect(dropped.socket.recovered).toBe(true);

    const results = host.next<TQuestionResults>('live:host:results');
    expectOk(await dropped.emit('live:submit', { sessionId, questionIndex: 0, answer: await correctAnswerFor(sessionId, 0, joined[1].body.participantId, 'delta-rule') }));
    expect(await results).toMatchObject({ answered: 2, correct: 2 });
    expect(await getDb().liveAnswer.count({ where: { question: { sessionId } } })).toBe(2);
    for (const socket of [host, ...players]) socket.close();
  });
});
