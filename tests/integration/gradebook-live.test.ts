import { describe, expect, it, inject } from 'vitest';
import { getDb } from '@/lib/db';
import type { Gradebook } from '@/lib/gradebook/get-gradebook';
import type { TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, correctAnswerFor, createSessionOverHttp, hostTwoQuestionSession, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

// Final live results in the class gradebook: the JSON, the page and the CSV, checked against the
// points the live service stored (the live tests check how those points are computed).

type GradebookJson = Omit<Gradebook, 'liveSessions'> & { liveSessions: (Omit<Gradebook['liveSessions'][number], 'createdAt' | 'endedAt'> & { endedAt: string | null })[] };

async function get(cookie: string, path: string, locale = 'en') {
  return fetch(`${inject('baseUrl')}${path}`, { headers: { cookie, 'accept-language': locale } });
}

describe('live results in the gradebook', () => {
  it('lists finished sessions of the class only, with stored standings, per-student live totals in the table and the CSV', async () => {
    const teacher = await createTestUser('Teacher Live');
    const [s1, s2, other] = await Promise.all([createTestUser('Seo-yeon'), createTestUser('Jun'), createTestUser('Other Class Kid')]);
    const klass = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }, { user: s1, role: 'STUDENT' }, { user: s2, role: 'STUDENT' }], 'Live Gradebook');
    const otherClass = await createTestClass([{ user: teacher, role: 'INSTRUCTOR' }, { user: s1, role: 'STUDENT' }, { user: other, role: 'STUDENT' }], 'Other');
    const teacherCookie = await signIn(teacher.email);
    const [c1, c2, cOther] = await Promise.all([s1, s2, other].map((user) => signIn(user.email)));

    // Before any session: an empty section and zero totals.
    const empty = (await (await get(teacherCookie, `/api/classes/${klass.id}/gradebook`)).json()) as GradebookJson;
    expect(empty.liveSessions).toEqual([]);
    expect(empty.rows.every((row) => row.live.sessions === 0 && row.live.points === 0)).toBe(true);

    // The played session: s1 right, s2 wrong, a guest right; the host ends it after question 1.
    const { sessionId, pin, host } = await hostTwoQuestionSession(teacherCookie, klass.id);
    const joined1 = (await joinOverHttp(pin, { cookie: c1 })).body;
    const joined2 = (await joinOverHttp(pin, { cookie: c2 })).body;
    const joinedGuest = (await joinOverHttp(pin, { nickname: 'Guest Nari' })).body;
    const p1 = await connectLive({ cookie: c1 });
    const p2 = await connectLive({ cookie: c2 });
    const guest = await connectLive({ guestToken: joinedGuest.guestToken! });
    for (const player of [p1, p2, guest]) expectOk(await player.emit('live:enter', { sessionId }));
    const opened = p1.next('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await opened;
    const closed = host.next<TQuestionResults>('live:host:results');
    expectOk(await p1.emit('live:submit', { sessionId, questionIndex: 0, answer: await correctAnswerFor(sessionId, 0, joined1.participantId, 'sigmoid-derivative') }));
    expectOk(await p2.emit('live:submit', { sessionId, questionIndex: 0, answer: { value: 42, derivative: 42, gradient: 42 } }));
    expectOk(await guest.emit('live:submit', { sessionId, questionIndex: 0, answer: await correctAnswerFor(sessionId, 0, joinedGuest.participantId, 'sigmoid-derivative') }));
    expect(await closed).toMatchObject({ answered: 3, correct: 2 });
    expectOk(await host.emit('live:host:end', { sessionId }));

    // Not shown: a session of the class still in its lobby, and a finished one of another class.
    await createSessionOverHttp(teacherCookie, { classId: klass.id, questions: [{ typeId: 'weight-decay', timeLimitS: 30 }] });
    const elsewhere = await createSessionOverHttp(teacherCookie, { classId: otherClass.id, questions: [{ typeId: 'weight-decay', timeLimitS: 30 }] });
    expectOk(await host.emit('live:host:enter', { sessionId: elsewhere.sessionId }));
    expect((await joinOverHttp(elsewhere.pin, { cookie: c1 })).body.found).toBe(true);
    expect((await joinOverHttp(elsewhere.pin, { cookie: cOther })).body.found).toBe(true);
    expectOk(await host.emit('live:host:end', { sessionId: elsewhere.sessionId }));
    for (const socket of [host, p1, p2, guest]) socket.close();

    const stored = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { id: true, userId: true, nickname: true, score: true, totalAnswerMs: true, joinedAt: true } });
    const storedScore = (participantId: string) => stored.find((row) => row.id === participantId)!.score;
    expect(storedScore(joined1.participantId)).toBeGreaterThan(500);
    expect(storedScore(joined2.participantId)).toBe(0);

    const gradebook = (await (await get(teacherCookie, `/api/classes/${klass.id}/gradebook`)).json()) as GradebookJson;
    expect(gradebook.liveSessions.map((session) => session.sessionId)).toEqual([sessionId]);
    const [session] = gradebook.liveSessions;
    expect(session.questionTitles.map((title) => title.en)).toEqual(['Sigmoid value and derivative']);
    expect(session.shareCorrect).toBeCloseTo(2 / 3);
    expect(session.endedAt).not.toBeNull();
    // The standing: more points first; on equal points (two right answers can earn the same), the
    // faster total answer time, then the earlier join.
    const standing = [...stored].sort((a, b) => b.score - a.score || a.totalAnswerMs - b.totalAnswerMs || a.joinedAt.getTime() - b.joinedAt.getTime() || a.id.localeCompare(b.id));
    expect(session.participants.map((p) => p.nickname)).toEqual(standing.map((row) => row.nickname));
    expect(session.participants.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(session.participants.map((p) => [p.nickname, p.score, p.correct])).toEqual(
      standing.map((row) => [row.nickname, row.score, row.id === joined2.participantId ? 0 : 1]),
    );
    // Neither variants nor answers are needed here, and none are sent.
    expect(JSON.stringify(session)).not.toMatch(/"(seed|answer|given)"/);

    const rowOf = (userId: string) => gradebook.rows.find((row) => row.userId === userId)!;
    expect(rowOf(s1.id).live).toEqual({ sessions: 1, points: storedScore(joined1.participantId), correct: 1, questions: 1 });
    expect(rowOf(s2.id).live).toEqual({ sessions: 1, points: 0, correct: 0, questions: 1 });
    expect(gradebook.rows).toHaveLength(2);

    // The page: one finished session, every player with the stored points, names linked for students.
    const page = await get(teacherCookie, `/classes/${klass.id}/gradebook`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/data-testid="live-session"/g)).toHaveLength(1);
    expect(html).toContain('Guest Nari');
    expect(html).toContain(`/classes/${klass.id}/students/${s1.id}`);
    expect(html).toMatch(new RegExp(`data-testid="live-points">${storedScore(joined1.participantId)}<`));

    // The CSV (in the account's language, Korean by default) carries the same totals in its last four columns.
    const csv = (await (await get(teacherCookie, `/api/classes/${klass.id}/gradebook.csv`)).text()).slice(1).split('\r\n');
    expect(csv[0].split(',').slice(-4)).toEqual(['라이브 참여 횟수', '라이브 점수', '라이브 정답 수', '라이브 문제 수']);
    const line = csv.find((text) => text.startsWith('Seo-yeon'))!;
    expect(line.split(',').slice(-4)).toEqual(['1', String(storedScore(joined1.participantId)), '1', '1']);

    // A student's own record: their rank, points and graded answers, nothing about other players.
    const ownResponse = await get(c1, `/api/classes/${klass.id}/students/${s1.id}`);
    expect(ownResponse.status).toBe(200);
    const own = (await ownResponse.json()) as { liveSessions: { sessionId: string; rank: number; participantCount: number; points: number; correct: number; questions: { index: number; answer: { correct: boolean; points: number } | null }[] }[] };
    expect(own.liveSessions).toHaveLength(1);
    const ownRank = session.participants.find((p) => p.participantId === joined1.participantId)!.rank;
    expect(own.liveSessions[0]).toMatchObject({ sessionId, rank: ownRank, participantCount: 3, points: storedScore(joined1.participantId), correct: 1 });
    expect(own.liveSessions[0].questions).toEqual([expect.objectContaining({ index: 0, answer: expect.objectContaining({ correct: true, points: storedScore(joined1.participantId) }) })]);
    expect(JSON.stringify(own.liveSessions)).not.toMatch(/Guest Nari|Jun|participantId/);
    const wrong = (await (await get(c2, `/api/classes/${klass.id}/students/${s2.id}`)).json()) as typeof own;
    expect(wrong.liveSessions[0].questions[0].answer).toMatchObject({ correct: false, points: 0 });
    const ownPage = await (await get(c1, `/classes/${klass.id}/students/${s1.id}`)).text();
    expect(ownPage.match(/data-testid="student-live-session"/g)).toHaveLength(1);
    expect((await get(c2, `/api/classes/${klass.id}/students/${s1.id}`)).status).toBe(403);

    // Students still cannot open the gradebook.
    expect((await get(c1, `/api/classes/${klass.id}/gradebook`)).status).toBe(403);
  });
});
