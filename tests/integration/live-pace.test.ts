import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { PACE_METER_INTERVAL_MS } from '@/lib/live/announce/schedule-pace-meter';
import type { THostView, TPaceMeter, TPlayerQuestion } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectLive, createSessionOverHttp, joinOverHttp, type LiveTestSocket } from './live-test-client';

// The pace signal ("too fast" / "I'm lost"): one stored signal per player and question (one
// plain-pg statement per tap), an anonymous meter for the host, sent at most every
// PACE_METER_INTERVAL_MS per session however many players tap, always ending on the stored state.

async function hostSession(nicknames: string[]) {
  const instructor = await createTestUser('Instructor');
  const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
  const hostCookie = await signIn(instructor.email);
  const { sessionId, pin } = await createSessionOverHttp(hostCookie, {
    classId: klass.id,
    allowGuests: true,
    questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }, { typeId: 'sigmoid-derivative', timeLimitS: 60 }],
  });
  const host = await connectLive({ cookie: hostCookie });
  expectOk(await host.emit('live:host:enter', { sessionId }));
  const ids: string[] = [];
  const players: LiveTestSocket[] = [];
  for (const nickname of nicknames) {
    const { body } = await joinOverHttp(pin, { nickname });
    ids.push(body.participantId);
    const socket = await connectLive({ guestToken: body.guestToken! });
    expectOk(await socket.emit('live:enter', { sessionId }));
    players.push(socket);
  }
  return { sessionId, host, players, ids };
}

/** The meter computed from the stored rows, as the host should see it. */
async function storedMeter(sessionId: string, questionIndex: number): Promise<TPaceMeter> {
  const db = getDb();
  const [signals, joined] = await Promise.all([
    db.livePaceSignal.findMany({ where: { sessionId, questionIndex, participant: { kicked: false } }, select: { kind: true } }),
    db.liveParticipant.count({ where: { sessionId, kicked: false } }),
  ]);
  return { questionIndex, tooFast: signals.filter((s) => s.kind === 'TOO_FAST').length, lost: signals.filter((s) => s.kind === 'LOST').length, joined };
}

function paceEvents(host: LiveTestSocket): TPaceMeter[] {
  return host.events.filter((recorded) => recorded.event === 'live:host:pace').map((recorded) => recorded.payload as TPaceMeter);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live pace signal', () => {
  it('stores one signal per player and question, replaces and clears it, starts each question at zero and leaves removed players out', async () => {
    const { sessionId, host, players, ids } = await hostSession(['pa', 'pb', 'pc']);
    expectOk(await players[0].emit('live:pace', { sessionId, kind: 'too-fast' }));
    expectOk(await players[1].emit('live:pace', { sessionId, kind: 'lost' }));
    // Tapping again replaces the signal: still one row for pb.
    expect(expectOk(await players[1].emit<{ kind: string }>('live:pace', { sessionId, kind: 'too-fast' })).kind).toBe('too-fast');
    await expect.poll(() => paceEvents(host).at(-1), { timeout: 5_000 }).toEqual({ questionIndex: -1, tooFast: 2, lost: 0, joined: 3 });
    expect(await storedMeter(sessionId, -1)).toEqual({ questionIndex: -1, tooFast: 2, lost: 0, joined: 3 });
    expect(await getDb().livePaceSignal.count({ where: { sessionId, participantId: ids[1] } })).toBe(1);

    // "I'm fine" withdraws it.
    expectOk(await players[0].emit('live:pace', { sessionId, kind: 'clear' }));
    await expect.poll(() => paceEvents(host).at(-1), { timeout: 5_000 }).toEqual({ questionIndex: -1, tooFast: 1, lost: 0, joined: 3 });

    // A new question starts from zero: the host view's meter is the current question's.
    const opened = players[0].next<TPlayerQuestion>('live:question', (q) => q.index === 0);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await opened;
    const view = expectOk(await host.emit<{ view: THostView }>('live:host:enter', { sessionId })).view;
    expect(view.pace).toEqual({ questionIndex: 0, tooFast: 0, lost: 0, joined: 3 });

    expectOk(await players[2].emit('live:pace', { sessionId, kind: 'lost' }));
    expectOk(await players[0].emit('live:pace', { sessionId, kind: 'lost' }));
    await expect.poll(() => paceEvents(host).at(-1), { timeout: 5_000 }).toEqual({ questionIndex: 0, tooFast: 0, lost: 2, joined: 3 });
    // The lobby's signals are still stored under −1 and count nowhere else.
    expect(await storedMeter(sessionId, -1)).toMatchObject({ tooFast: 1, lost: 0 });

    // A removed player's signal no longer counts.
    expectOk(await host.emit('live:host:kick', { sessionId, participantId: ids[2] }));
    const afterKick = expectOk(await host.emit<{ view: THostView }>('live:host:enter', { sessionId })).view;
    expect(afterKick.pace).toEqual({ questionIndex: 0, tooFast: 0, lost: 1, joined: 2 });
    expect(afterKick.pace).toEqual(await storedMeter(sessionId, 0));
    for (const socket of [host, ...players]) socket.close();
  });

  it('coalesces the host’s meter: a burst of taps gives a few updates, the last one the stored state', async () => {
    const nicknames = Array.from({ length: 12 }, (_, i) => `burst${i}`);
    const { sessionId, host, players } = await hostSession(nicknames);
    const opened = players[0].next<TPlayerQuestion>('live:question', (q) => q.index === 0);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await opened;
    await sleep(PACE_METER_INTERVAL_MS * 2);
    const before = paceEvents(host).length;

    // Twelve players tap within ~1.2 s, two thirds "too fast", a third "lost".
    const started = Date.now();
    await Promise.all(
      players.map(async (player, i) => {
        await sleep(i * 100);
        expectOk(await player.emit('live:pace', { sessionId, kind: i % 3 === 2 ? 'lost' : 'too-fast' }));
      }),
    );
    const tappedMs = Date.now() - started;
    const final = await storedMeter(sessionId, 0);
    expect(final.tooFast + final.lost).toBe(players.length);
    await expect.poll(() => paceEvents(host).at(-1), { timeout: 5_000 }).toEqual(final);
    await sleep(PACE_METER_INTERVAL_MS * 3);

    const sent = paceEvents(host).slice(before);
    // One update per interval at most (plus the one that ends the burst), never one per tap.
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(tappedMs / PACE_METER_INTERVAL_MS) + 1);
    expect(sent.length).toBeLessThan(players.length);
    expect(sent.at(-1)).toEqual(final);
    // The counts only grow during the burst (each update counts every tap stored before it).
    for (let i = 1; i < sent.length; i++) expect(sent[i].tooFast + sent[i].lost).toBeGreaterThanOrEqual(sent[i - 1].tooFast + sent[i - 1].lost);
    for (const socket of [host, ...players]) socket.close();
  });

  it('rate-limits one socket to 10 signals a minute', async () => {
    const { sessionId, host, players } = await hostSession(['rl']);
    const acks = [];
    for (let i = 0; i < 11; i++) acks.push(await players[0].emit('live:pace', { sessionId, kind: i % 2 ? 'lost' : 'too-fast' }));
    expect(acks.slice(0, 10).every((ack) => ack.ok)).toBe(true);
    const last = acks[10];
    expect(last.ok ? 'ok' : last.error.reason).toBe('rate-limited');
    for (const socket of [host, ...players]) socket.close();
  });
});
