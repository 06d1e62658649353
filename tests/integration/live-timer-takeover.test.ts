import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { CLOSE_GRACE_MS } from '@/lib/live/announce/arm-question-timer';
import { TAKEOVER_DELAY_MS } from '@/lib/live/announce/live-timer-jobs';
import type { TPlayerQuestion, TPlayerResult, TPublicSession } from '@/lib/live/protocol/live-payloads';
import type { AppServer } from '../../scripts/support/app-server';
import { expectOk } from '../support/acks';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { killHard } from '../support/second-server';
import { startWebProcesses } from '../support/web-processes';
import { connectLive, createSessionOverHttp, joinOverHttp, type LiveTestSocket } from './live-test-client';

// Live question timers across two web processes joined by Redis. The process that opens a
// question closes it with its own timer; a pg-boss job per deadline lets any other process take
// over when that one dies. Closing is one conditional UPDATE, so processes racing close it once.

/** pg-boss polls for due jobs once a second; the rest is the close itself and the broadcast. */
const TAKEOVER_SLACK_MS = CLOSE_GRACE_MS + TAKEOVER_DELAY_MS + 1_000 + 1_500;
const TIME_LIMIT_S = 10;

let servers: AppServer[] = [];
beforeAll(async () => {
  // Their own job queues: the suite's main server shares this database but not Redis, and a takeover
  // job it took would announce to its own sockets only (every process of a deployment shares both).
  servers = await startWebProcesses(2, { JOBS_SCHEMA: 'pgboss_takeover_test' });
}, 300_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

/** A one-question session hosted on `hostServer`, one student playing on `playerServer`, still in the lobby. */
async function sessionAcross(hostServer: AppServer, playerServer: AppServer) {
  const instructor = await createTestUser('Instructor');
  const student = await createTestUser('Student');
  const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }]);
  const hostCookie = await signIn(instructor.email, undefined, hostServer.baseUrl);
  const playerCookie = await signIn(student.email, undefined, playerServer.baseUrl);
  const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: [{ typeId: 'delta-rule', timeLimitS: TIME_LIMIT_S }] }, hostServer.baseUrl);
  await joinOverHttp(pin, { cookie: playerCookie, baseUrl: playerServer.baseUrl });
  const host = await connectLive({ baseUrl: hostServer.baseUrl, cookie: hostCookie });
  expectOk(await host.emit('live:host:enter', { sessionId }));
  const player = await connectLive({ baseUrl: playerServer.baseUrl, cookie: playerCookie });
  expectOk(await player.emit('live:enter', { sessionId }));
  return { sessionId, host, player, playerCookie };
}

function resultsSeen(player: LiveTestSocket): number {
  return player.events.filter((recorded) => recorded.event === 'live:result').length;
}

describe('live question timers on two web processes', () => {
  it('closes a question once and announces it once when timers on A and B (and their takeover jobs) all fire', { timeout: 90_000 }, async () => {
    const [a, b] = servers;
    const { sessionId, host, player } = await sessionAcross(a, b);
    const question = player.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const { closesAt } = await question;
    // Entering again during the question arms B's own timer for it (A armed one when it opened it).
    expectOk(await player.emit('live:enter', { sessionId }));

    await player.next<TPlayerResult>('live:result', undefined, TIME_LIMIT_S * 1000 + TAKEOVER_SLACK_MS);
    // Wait out every other timer and both takeover jobs.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(closesAt).getTime() + TAKEOVER_SLACK_MS + 1_000 - Date.now())));
    expect(resultsSeen(player)).toBe(1);
    expect(host.events.filter((recorded) => recorded.event === 'live:host:results')).toHaveLength(1);
    expect(player.events.filter((recorded) => recorded.event === 'live:session' && (recorded.payload as TPublicSession).state === 'RESULTS')).toHaveLength(1);
    host.close();
    player.close();
  });

  it('closes a question opened on A on time after A is killed (SIGKILL), and a player on B sees it', { timeout: 90_000 }, async () => {
    const [a, b] = servers;
    const { sessionId, host, player } = await sessionAcross(a, b);
    const question = player.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const { closesAt } = await question;
    const deadline = new Date(closesAt).getTime();

    // A dies with the question open: no shutdown, no timer left on A (the server process itself, not
    // only the tsx CLI that started it, which would leave server.ts running and closing the question).
    host.close();
    await killHard(a);
    expect(Date.now()).toBeLessThan(deadline);

    const closedOnB = player.next<TPublicSession>('live:session', (session) => session.state === 'RESULTS', TIME_LIMIT_S * 1000 + TAKEOVER_SLACK_MS + 5_000);
    const result = player.next<TPlayerResult>('live:result', undefined, TIME_LIMIT_S * 1000 + TAKEOVER_SLACK_MS + 5_000);
    await closedOnB;
    const seenAt = Date.now();
    expect((await result).questionIndex).toBe(0);
    expect(seenAt).toBeGreaterThanOrEqual(deadline);
    expect(seenAt - deadline).toBeLessThanOrEqual(TAKEOVER_SLACK_MS);

    const stored = await getDb().liveQuestion.findUniqueOrThrow({ where: { sessionId_index: { sessionId, index: 0 } }, select: { closedAt: true } });
    expect(stored.closedAt?.getTime()).toBeGreaterThanOrEqual(deadline);
    expect((await getDb().liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { state: true } })).state).toBe('RESULTS');
    player.close();
  });
});
