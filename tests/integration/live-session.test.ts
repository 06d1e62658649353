import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { computePoints } from '@/lib/live/state/compute-points';
import type { TLeaderboard, TPlayerQuestion, TPlayerResult, TPlayerView, THostView, TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, correctAnswerFor, createSessionOverHttp, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

async function setUpClass(studentCount: number) {
  const instructor = await createTestUser('Instructor');
  const students = await Promise.all(Array.from({ length: studentCount }, (_, i) => createTestUser(`Student ${i + 1}`)));
  const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, ...students.map((user) => ({ user, role: 'STUDENT' as const }))]);
  const hostCookie = await signIn(instructor.email);
  const studentCookies = await Promise.all(students.map((student) => signIn(student.email)));
  return { instructor, students, klass, hostCookie, studentCookies };
}

describe('live session: instructor-paced flow', () => {
  it('plays two questions from lobby to podium with per-student variants, server-measured points and the leaderboard in order', async () => {
    const { klass, hostCookie, studentCookies } = await setUpClass(2);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, {
      classId: klass.id,
      allowGuests: true,
      questions: [
        { typeId: 'sigmoid-derivative', timeLimitS: 30 },
        { typeId: 'perceptron-step', timeLimitS: 30 },
      ],
    });
    expect(pin).toMatch(/^\d{6}$/);

    const host = await connectLive({ cookie: hostCookie });
    const hostEnter = expectOk(await host.emit<{ view: THostView }>('live:host:enter', { sessionId }));
    expect(hostEnter.view.session.state).toBe('LOBBY');
    expect(hostEnter.view.session.pin).toBe(pin);

    const joinedA = await joinOverHttp(pin, { cookie: studentCookies[0] });
    const joinedB = await joinOverHttp(pin, { cookie: studentCookies[1] });
    const joinedGuest = await joinOverHttp(pin, { nickname: 'Guest Kim' });
    expect([joinedA.status, joinedB.status, joinedGuest.status]).toEqual([200, 200, 200]);
    expect(joinedGuest.body.guestToken).toBeTruthy();
    expect(joinedA.body.guestToken).toBeNull();

    const a = await connectLive({ cookie: studentCookies[0] });
    const b = await connectLive({ cookie: studentCookies[1] });
    const guest = await connectLive({ guestToken: joinedGuest.body.guestToken! });
    const lobbyUpdates = host.next<{ joined: number }>('live:host:lobby', (change) => change.joined === 3);
    for (const player of [a, b, guest]) {
      const entered = expectOk(await player.emit<{ view: TPlayerView }>('live:enter', { sessionId }));
      expect(entered.view.session.state).toBe('LOBBY');
      expect(entered.view.you.score).toBe(0);
    }
    await lobbyUpdates;

    // Question 1: everyone gets their own numbers.
    const questionsSeen = [a, b, guest].map((player) => player.next<TPlayerQuestion>('live:question'));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const [qa, qb, qg] = await Promise.all(questionsSeen);
    expect(qa.index).toBe(0);
    expect(qa.typeId).toBe('sigmoid-derivative');
    expect(JSON.stringify(qa.given)).not.toBe(JSON.stringify(qb.given));
    expect(JSON.stringify(qb.given)).not.toBe(JSON.stringify(qg.given));

    // A answers right, B answers with all fields wrong, the guest gets one of three fields right.
    const rightA = (await correctAnswerFor(sessionId, 0, joinedA.body.participantId, 'sigmoid-derivative')) as Record<string, number>;
    const rightGuest = (await correctAnswerFor(sessionId, 0, joinedGuest.body.participantId, 'sigmoid-derivative')) as Record<string, number>;
    const ackA = expectOk(await a.emit<{ isDuplicate: boolean; msToAnswer: number }>('live:submit', { sessionId, questionIndex: 0, answer: rightA }));
    expect(ackA.isDuplicate).toBe(false);
    expectOk(await b.emit('live:submit', { sessionId, questionIndex: 0, answer: { value: 42, derivative: 42, gradient: 42 } }));
    const resultsForHost = host.next<TQuestionResults>('live:host:results');
    const resultForA = a.next<TPlayerResult>('live:result');
    const resultForGuest = guest.next<TPlayerResult>('live:result');
    expectOk(await guest.emit('live:submit', { sessionId, questionIndex: 0, answer: { value: rightGuest.value, derivative: 42, gradient: 42 } }));

    // Everyone answered: the question closes early with results.
    const results = await resultsForHost;
    expect(results).toMatchObject({ questionIndex: 0, joined: 3, answered: 3, correct: 1 });
    expect(results.shareCorrect).toBeCloseTo(1 / 3);
    expect(results.histogram.find((bucket) => bucket.id === 'full')?.count).toBe(1);
    expect(results.histogram.find((bucket) => bucket.id === 'none')?.count).toBe(0);

    const stored = await getDb().liveAnswer.findMany({ where: { question: { sessionId, index: 0 } }, include: { participant: true } });
    expect(stored).toHaveLength(3);
    const storedA = stored.find((row) => row.participantId === joinedA.body.participantId)!;
    expect(storedA.correct).toBe(true);
    expect(storedA.msToAnswer).toBe(ackA.msToAnswer);
    expect(storedA.points).toBe(computePoints({ score: 1, msToAnswer: storedA.msToAnswer, timeLimitMs: 30_000, streakBefore: 0 }).points);
    const storedGuest = stored.find((row) => row.participantId === joinedGuest.body.participantId)!;
    expect(storedGuest.score).toBeCloseTo(1 / 3);
    expect(storedGuest.points).toBe(computePoints({ score: 1 / 3, msToAnswer: storedGuest.msToAnswer, timeLimitMs: 30_000, streakBefore: 0 }).points);

    const myResult = await resultForA;
    expect(myResult).toMatchObject({ questionIndex: 0, answered: true, correct: true, points: storedA.points, totalScore: storedA.points, rank: 1, participantCount: 3 });
    expect((await resultForGuest).rank).toBe(2);

    // Leaderboard: top ten in order, to the whole room.
    const boardForB = b.next<TLeaderboard>('live:leaderboard');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
    const board = await boardForB;
    expect(board.top.map((entry) => entry.nickname)).toEqual([joinedA.body.nickname, 'Guest Kim', joinedB.body.nickname]);
    expect(board.top.map((entry) => entry.rank)).toEqual([1, 2, 3]);
    expect(board.top[2].score).toBe(0);

    // Question 2: only A answers (right, streak 2 → +100); the host skips ahead.
    const q2ForA = a.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 0 } }));
    expect((await q2ForA).index).toBe(1);
    const right2 = await correctAnswerFor(sessionId, 1, joinedA.body.participantId, 'perceptron-step');
    expectOk(await a.emit('live:submit', { sessionId, questionIndex: 1, answer: right2 }));
    const result2ForB = b.next<TPlayerResult>('live:result');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 1 } }));
    expect(await result2ForB).toMatchObject({ questionIndex: 1, answered: false, points: 0 });
    const answer2 = await getDb().liveAnswer.findFirstOrThrow({ where: { question: { sessionId, index: 1 }, participantId: joinedA.body.participantId } });
    const expected2 = computePoints({ score: 1, msToAnswer: answer2.msToAnswer, timeLimitMs: 30_000, streakBefore: 1 });
    expect(expected2.streakBonus).toBe(100);
    expect(answer2.points).toBe(expected2.points);

    // Leaderboard, then the podium ends the session and frees the PIN.
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 1 } }));
    const podium = guest.next<TLeaderboard>('live:leaderboard', (payload) => payload.isFinal);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 1 } }));
    expect((await podium).top[0]).toMatchObject({ rank: 1, nickname: joinedA.body.nickname, score: storedA.points + answer2.points });
    const ended = await getDb().liveSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(ended.state).toBe('FINISHED');
    expect(ended.openPin).toBeNull();
    expect((await joinOverHttp(pin, { nickname: 'Late' })).body.found).toBe(false);

    for (const socket of [host, a, b, guest]) socket.close();
  });

  it('keeps the first of two simultaneous answers and acknowledges both (unique constraint, not a check)', async () => {
    const { klass, hostCookie, studentCookies } = await setUpClass(1);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }] });
    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    await joinOverHttp(pin, { cookie: studentCookies[0] });
    const player = await connectLive({ cookie: studentCookies[0] });
    expectOk(await player.emit('live:enter', { sessionId }));
    const opened = player.next('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await opened;

    const first = { value: 1, derivative: 2, gradient: 3 };
    const second = { value: 4, derivative: 5, gradient: 6 };
    const acks = await Promise.all([first, second, first, second].map((answer) => player.emit<{ isDuplicate: boolean; answer: unknown }>('live:submit', { sessionId, questionIndex: 0, answer })));
    const oks = acks.map((ack) => expectOk(ack));
    expect(oks.filter((ack) => !ack.isDuplicate)).toHaveLength(1);
    const kept = oks.find((ack) => !ack.isDuplicate)!.answer;
    for (const ack of oks) expect(ack.answer).toEqual(kept);
    const rows = await getDb().liveAnswer.findMany({ where: { question: { sessionId } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].answer).toEqual(kept);
    const participant = await getDb().liveParticipant.findFirstOrThrow({ where: { sessionId } });
    expect(participant.score).toBe(rows[0].points);
    host.close();
    player.close();
  });

  it('rejects a late answer with the reason "question-closed", and an answer of the wrong shape without using up the turn', async () => {
    const { klass, hostCookie, studentCookies } = await setUpClass(2);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }] });
    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    const players = [];
    for (const cookie of studentCookies) {
      await joinOverHttp(pin, { cookie });
      const player = await connectLive({ cookie });
      expectOk(await player.emit('live:enter', { sessionId }));
      players.push(player);
    }
    const [early, late] = players;
    const opened = early.next('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await opened;

    const wrongShape = await early.emit('live:submit', { sessionId, questionIndex: 0, answer: [1, 2, 3] });
    expect(wrongShape.ok).toBe(false);
    if (!wrongShape.ok) {
      expect(wrongShape.error.reason).toBe('invalid-answer');
      expect(wrongShape.error.text.ko.length).toBeGreaterThan(0);
    }
    const notANumber = await early.emit('live:submit', { sessionId, questionIndex: 0, answer: { value: 'abc', derivative: 1, gradient: 1 } });
    expect(notANumber.ok).toBe(false);
    expectOk(await early.emit('live:submit', { sessionId, questionIndex: 0, answer: { value: 0.5, derivative: 0.25, gradient: 1 } }));

    // The deadline passes (moved into the past, as if the clock ran out before the timer fired).
    await getDb().liveQuestion.updateMany({ where: { sessionId, index: 0 }, data: { closesAt: new Date(Date.now() - 1000) } });
    const lateAck = await late.emit('live:submit', { sessionId, questionIndex: 0, answer: { value: 0.5, derivative: 0.25, gradient: 1 } });
    expect(lateAck.ok).toBe(false);
    if (!lateAck.ok) expect(lateAck.error.reason).toBe('question-closed');
    // The early player's retry after the deadline still gets their stored answer back.
    const retry = expectOk(await early.emit<{ isDuplicate: boolean }>('live:submit', { sessionId, questionIndex: 0, answer: { value: 9, derivative: 9, gradient: 9 } }));
    expect(retry.isDuplicate).toBe(true);
    expect(await getDb().liveAnswer.count({ where: { question: { sessionId } } })).toBe(1);
    // A question that was never opened is refused too.
    const future = await early.emit('live:submit', { sessionId, questionIndex: 5, answer: 1 });
    expect(future.ok).toBe(false);
    host.close();
    for (const player of players) player.close();
  });

  it('takes identity only from the session cookie or the guest token: a player cannot act as another or as the host', async () => {
    const { klass, hostCookie, studentCookies } = await setUpClass(2);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, allowGuests: true, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }] });
    const victim = await joinOverHttp(pin, { cookie: studentCookies[0] });
    await joinOverHttp(pin, { cookie: studentCookies[1] });
    const attacker = await connectLive({ cookie: studentCookies[1] });
    expectOk(await attacker.emit('live:enter', { sessionId }));

    for (const event of ['live:host:advance', 'live:host:end', 'live:host:kick', 'live:host:correctness', 'live:host:enter']) {
      const ack = await attacker.emit(event, { sessionId, from: { state: 'LOBBY', index: -1 }, participantId: victim.body.participantId, locked: true });
      expect(ack.ok, event).toBe(false);
      if (!ack.ok) expect(ack.error.reason, event).toBe('not-host');
    }
    // A forged guest token or none at all is not a participant.
    const forged = await connectLive({ guestToken: 'x'.repeat(32) });
    const forgedEnter = await forged.emit('live:enter', { sessionId });
    expect(forgedEnter.ok).toBe(false);
    if (!forgedEnter.ok) expect(forgedEnter.error.reason).toBe('not-joined');
    // Submitting without entering, or naming someone else in the payload, does not work either.
    const stranger = await connectLive({});
    const strangerSubmit = await stranger.emit('live:submit', { sessionId, questionIndex: 0, answer: 1, participantId: victim.body.participantId });
    expect(strangerSubmit.ok).toBe(false);
    // A signed-in student who is not in the class cannot join a members-only session.
    const outsider = await createTestUser('Outsider');
    const { klass: otherClass, hostCookie: otherHost } = await setUpClass(0);
    const membersOnly = await createSessionOverHttp(otherHost, { classId: otherClass.id, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }] });
    const outsiderJoin = await joinOverHttp(membersOnly.pin, { cookie: await signIn(outsider.email) });
    // It is answered as a PIN without a session (so PINs cannot be probed): live-join-privacy.test.ts.
    expect(outsiderJoin.status).toBe(200);
    expect(outsiderJoin.body).toMatchObject({ found: false, reason: 'session-not-found' });
    expect((await joinOverHttp(membersOnly.pin, { nickname: 'Guest' })).body.found).toBe(false);
    // Only an instructor of the class can create a session for it.
    await expect(createSessionOverHttp(studentCookies[0], { classId: klass.id, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }] })).rejects.toThrow(/403/);
    for (const socket of [attacker, forged, stranger]) socket.close();
  });

  it('limits each socket to 20 events a second and says when to retry', async () => {
    const { klass, hostCookie } = await setUpClass(0);
    const { sessionId } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }] });
    const host = await connectLive({ cookie: hostCookie });
    const acks = await Promise.all(Array.from({ length: 30 }, () => host.emit('live:host:enter', { sessionId })));
    const limited = acks.filter((ack) => !ack.ok && ack.error.reason === 'rate-limited');
    expect(acks.filter((ack) => ack.ok)).toHaveLength(20);
    expect(limited).toHaveLength(10);
    host.close();
  });
});
