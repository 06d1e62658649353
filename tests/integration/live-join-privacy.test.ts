import crypto from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import type { TLeaderboard } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, createSessionOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

// Joining by PIN: a session the caller may not join answers exactly as a PIN with no session
// (the same 200 `{ found: false }` body and rate limit; a wrong PIN is no failed request), and classmates see the class's public label (nickname, else
// "Student N"), never a real name.

async function join(pin: string, { cookie, nickname, address }: { cookie?: string; nickname?: string; address: string }) {
  const response = await fetch(`${inject('baseUrl')}/api/live/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ pin, ...(nickname ? { nickname } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function unusedPin(): Promise<string> {
  for (;;) {
    const pin = String(crypto.randomInt(100_000, 1_000_000));
    if (!(await getDb().liveSession.findUnique({ where: { openPin: pin } }))) return pin;
  }
}

describe('joining a live session by PIN', () => {
  it('answers a session one may not join exactly as a PIN without a session, with the same limit', async () => {
    const instructor = await createTestUser('Probe Host');
    const outsider = await createTestUser('Outsider');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
    const hostCookie = await signIn(instructor.email);
    const outsiderCookie = await signIn(outsider.email);
    const { pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, allowGuests: false, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 30 }] });
    const address = `198.51.100.${crypto.randomInt(1, 255)}-${crypto.randomUUID()}`;

    const nobody = await join(await unusedPin(), { cookie: outsiderCookie, address });
    const notAMember = await join(pin, { cookie: outsiderCookie, address });
    const guest = await join(pin, { nickname: 'Prober', address });
    const guestNobody = await join(await unusedPin(), { nickname: 'Prober', address });
    expect(nobody.status).toBe(200);
    expect(nobody.body).toEqual({ found: false, reason: 'session-not-found', text: { ko: expect.stringContaining('PIN'), en: expect.stringContaining('PIN') } });
    for (const answer of [notAMember, guest, guestNobody]) expect(answer).toEqual(nobody);

    // Four counted so far; 56 more refusals of the real PIN use up the minute's 60 …
    for (let i = 0; i < 56; i++) expect((await join(pin, { cookie: outsiderCookie, address })).body.found).toBe(false);
    // … so the next wrong PIN, and the real one, are both refused alike as too many.
    const limitedWrong = await join(await unusedPin(), { cookie: outsiderCookie, address });
    const limitedReal = await join(pin, { cookie: outsiderCookie, address });
    expect(limitedWrong.status).toBe(429);
    expect(limitedReal.status).toBe(limitedWrong.status);
    expect((limitedReal.body.error as { code: string }).code).toBe((limitedWrong.body.error as { code: string }).code);
  });

  it('shows a student without a nickname as "Student N" on the live leaderboard when the class uses nicknames', async () => {
    const instructor = await createTestUser('Label Host');
    const first = await createTestUser('Realname Firstjoiner');
    const second = await createTestUser('Realname Secondjoiner');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
    const db = getDb();
    await db.class.update({ where: { id: klass.id }, data: { showNicknames: true } });
    // Join order numbers "Student N": the first student has a nickname, the second has none.
    await db.membership.create({ data: { classId: klass.id, userId: first.id, role: 'STUDENT', nickname: 'Comet', createdAt: new Date(Date.now() - 60_000) } });
    await db.membership.create({ data: { classId: klass.id, userId: second.id, role: 'STUDENT', createdAt: new Date() } });
    const hostCookie = await signIn(instructor.email);
    const [firstCookie, secondCookie] = await Promise.all([signIn(first.email), signIn(second.email)]);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 30 }] });
    const address = `203.0.113.${crypto.randomInt(1, 255)}`;
    expect((await join(pin, { cookie: secondCookie, address })).body.nickname).toBe('Student 2');
    expect((await join(pin, { cookie: firstCookie, address })).body.nickname).toBe('Comet');

    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    const player = await connectLive({ cookie: firstCookie });
    expectOk(await player.emit('live:enter', { sessionId }));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 0 } }));
    const board = player.next<TLeaderboard>('live:leaderboard');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
    expect((await board).top.map((entry) => entry.nickname).sort()).toEqual(['Comet', 'Student 2']);
    const seen = JSON.stringify(player.events);
    expect(seen).not.toContain('Realname');
    host.close();
    player.close();
  });
});
