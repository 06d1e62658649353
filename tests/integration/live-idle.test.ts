import { Server } from 'socket.io';
import { describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import { LIVE_IDLE_LIMIT_MS, endIdleLiveSessions } from '@/lib/live/announce/end-idle-live-sessions';
import { createLiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { SOCKET_NAMESPACES } from '@/lib/realtime/namespaces';
import { listHostableSessions } from '@/lib/training/challenges/list-hostable-sessions';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, hostTwoQuestionSession, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

// A session its host walked away from is ended after two hours without activity: it stops being
// listed as running and is no longer offered to challenges. The recent-sessions list says states
// and counts in words, with plurals, in both languages.

/** Moves every stored activity of a session `ms` into the past, as if that much time had passed. */
async function age(sessionId: string, ms: number) {
  const db = getDb();
  const past = (at: Date | null) => (at ? new Date(at.getTime() - ms) : null);
  const session = await db.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { createdAt: true } });
  await db.liveSession.update({ where: { id: sessionId }, data: { createdAt: past(session.createdAt)! } });
  for (const question of await db.liveQuestion.findMany({ where: { sessionId } })) {
    await db.liveQuestion.update({ where: { id: question.id }, data: { openedAt: past(question.openedAt), closedAt: past(question.closedAt), closesAt: past(question.closesAt) } });
  }
  for (const participant of await db.liveParticipant.findMany({ where: { sessionId } })) {
    await db.liveParticipant.update({ where: { id: participant.id }, data: { joinedAt: past(participant.joinedAt)! } });
  }
  for (const answer of await db.liveAnswer.findMany({ where: { question: { sessionId } } })) {
    await db.liveAnswer.update({ where: { id: answer.id }, data: { createdAt: past(answer.createdAt)! } });
  }
}

async function livePage(cookie: string, locale: 'ko' | 'en') {
  const response = await fetch(`${inject('baseUrl')}/live`, { headers: { cookie: `${cookie}; bpl-locale=${locale}` } });
  expect(response.status).toBe(200);
  // The text of each recent-session entry, tags stripped.
  return [...(await response.text()).matchAll(/data-testid="recent-session" data-session-id="([^"]+)">(.*?)<\/li>/g)].map(([, id, html]) => ({
    id,
    text: html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'"),
  }));
}

describe('idle live sessions', () => {
  it('ends a session idle for two hours (an open question closed first), keeps an active one, and lists both in words', async () => {
    const instructor = await createTestUser('Idle Host');
    const student = await createTestUser('Idle Student');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }]);
    const hostCookie = await signIn(instructor.email);
    const studentCookie = await signIn(student.email);

    // Abandoned mid-question with one player; a second session is still being played.
    const abandoned = await hostTwoQuestionSession(hostCookie, klass.id);
    expect((await joinOverHttp(abandoned.pin, { cookie: studentCookie })).body.found).toBe(true);
    const player = await connectLive({ cookie: studentCookie });
    expectOk(await player.emit('live:enter', { sessionId: abandoned.sessionId }));
    expectOk(await abandoned.host.emit('live:host:advance', { sessionId: abandoned.sessionId, from: { state: 'LOBBY', index: -1 } }));
    const active = await hostTwoQuestionSession(hostCookie, klass.id);
    abandoned.host.close();
    active.host.close();
    player.close();

    const before = await livePage(hostCookie, 'en');
    expect(before.find((entry) => entry.id === abandoned.sessionId)?.text).toContain('Question open · 1 player · 2 questions');
    expect(before.find((entry) => entry.id === active.sessionId)?.text).toContain('Lobby (not started) · 0 players · 2 questions');
    expect((await listHostableSessions({ userId: instructor.id })).map((session) => session.id).sort()).toEqual([abandoned.sessionId, active.sessionId].sort());

    // Just under the limit nothing happens; just over, the abandoned session ends.
    // A socket.io server of this test process, with no clients: the announcements of ending reach nobody.
    const announce = createLiveAnnouncer(new Server().of(SOCKET_NAMESPACES.live));
    await age(abandoned.sessionId, LIVE_IDLE_LIMIT_MS - 60_000);
    expect(await endIdleLiveSessions(announce)).not.toContain(abandoned.sessionId);
    await age(abandoned.sessionId, 2 * 60_000);
    const ended = await endIdleLiveSessions(announce);
    expect(ended).toContain(abandoned.sessionId);
    expect(ended).not.toContain(active.sessionId);

    const db = getDb();
    const stored = await db.liveSession.findUniqueOrThrow({ where: { id: abandoned.sessionId } });
    expect(stored.state).toBe('FINISHED');
    expect(stored.openPin).toBeNull();
    expect(stored.endedAt).not.toBeNull();
    // The open question was closed as the End button closes it: the player without an answer recorded.
    expect((await db.liveQuestion.findFirstOrThrow({ where: { sessionId: abandoned.sessionId, index: 0 } })).closedAt).not.toBeNull();
    expect((await db.liveSession.findUniqueOrThrow({ where: { id: active.sessionId } })).state).toBe('LOBBY');

    // No longer offered to a challenge; listed as ended, in words, in both languages.
    expect((await listHostableSessions({ userId: instructor.id })).map((session) => session.id)).toEqual([active.sessionId]);
    const en = await livePage(hostCookie, 'en');
    expect(en.find((entry) => entry.id === abandoned.sessionId)?.text).toContain('Ended · 1 player · 2 questions');
    const ko = await livePage(hostCookie, 'ko');
    expect(ko.find((entry) => entry.id === abandoned.sessionId)?.text).toContain('끝남 · 참가자 1명 · 문제 2개');
    expect(ko.find((entry) => entry.id === active.sessionId)?.text).toContain('대기실 (시작 전) · 참가자 0명 · 문제 2개');
    for (const entry of [...en, ...ko]) expect(entry.text).not.toMatch(/LOBBY|QUESTION|RESULTS|LEADERBOARD|FINISHED/);
  });
});
