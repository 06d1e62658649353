import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { computePoints } from '@/lib/live/state/compute-points';
import { findLiveSessionResults } from '@/lib/live/views/find-live-session-results';
import type { TLeaderboard, TPlayerQuestion, TPlayerView, TQuestionProgress } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, correctAnswerFor, createSessionOverHttp, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

describe('live session: self-paced', () => {
  it('lets each student move on at their own pace with their own clock, records a timed-out question as missed, and ends on the podium', async () => {
    const instructor = await createTestUser('Instructor');
    const [fast, slow] = await Promise.all([createTestUser('Fast'), createTestUser('Slow')]);
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: fast, role: 'STUDENT' }, { user: slow, role: 'STUDENT' }]);
    const hostCookie = await signIn(instructor.email);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, {
      classId: klass.id,
      mode: 'SELF_PACED',
      deadlineMinutes: 30,
      questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 20 }, { typeId: 'delta-rule', timeLimitS: 20 }],
    });
    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    const cookies = await Promise.all([signIn(fast.email), signIn(slow.email)]);
    const joined = await Promise.all(cookies.map((cookie) => joinOverHttp(pin, { cookie })));
    const [a, b] = await Promise.all(cookies.map((cookie) => connectLive({ cookie })));
    for (const player of [a, b]) expectOk(await player.emit('live:enter', { sessionId }));

    const firstQuestions = [a, b].map((player) => player.next<TPlayerQuestion>('live:question'));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const [qa] = await Promise.all(firstQuestions);
    expect(qa.index).toBe(0);

    // A answers right: the ack carries the result and A's own next question, whose clock starts now.
    const ackA = expectOk(
      await a.emit<{ view: TPlayerView; msToAnswer: number }>('live:submit', { sessionId, questionIndex: 0, answer: await correctAnswerFor(sessionId, 0, joined[0].body.participantId, 'sigmoid-derivative') }),
    );
    expect(ackA.view.result).toMatchObject({ questionIndex: 0, answered: true, correct: true });
    expect(ackA.view.question?.index).toBe(1);
    const firstRow = await getDb().liveAnswer.findFirstOrThrow({ where: { participantId: joined[0].body.participantId, question: { index: 0 } } });
    expect(ackA.view.question?.openedAt).toBe(firstRow.createdAt.toISOString());
    // Answering question 2 before question 1 is refused for the slow student.
    const skipAhead = await b.emit('live:submit', { sessionId, questionIndex: 1, answer: { w: [1, 1], b: 1 } });
    expect(skipAhead.ok ? 'stored' : skipAhead.error.reason).toBe('question-not-open');
    // Nor can they skip a question whose time is not up.
    const early = await b.emit('live:next', { sessionId });
    expect(early.ok ? 'moved on' : early.error.reason).toBe('stale-phase');

    // B's 20 s run out (the session started a minute earlier, as far as the stored clock says).
    const minuteAgo = new Date(Date.now() - 60_000);
    await getDb().liveQuestion.updateMany({ where: { sessionId }, data: { openedAt: minuteAgo } });
    await getDb().liveParticipant.updateMany({ where: { sessionId }, data: { joinedAt: minuteAgo } });
    const late = await b.emit('live:submit', { sessionId, questionIndex: 0, answer: { value: 0.5, derivative: 0.25, gradient: 0.5 } });
    expect(late.ok ? 'stored' : late.error.reason).toBe('question-closed');
    const moved = expectOk(await b.emit<{ view: TPlayerView }>('live:next', { sessionId }));
    expect(moved.view.question?.index).toBe(1);
    expect(moved.view.result).toMatchObject({ questionIndex: 0, answered: false, points: 0 });
    expectOk(await b.emit('live:submit', { sessionId, questionIndex: 1, answer: await correctAnswerFor(sessionId, 1, joined[1].body.participantId, 'delta-rule') }));

    const allDone = host.next<TQuestionProgress>('live:host:progress', (progress) => progress.answered === 2);
    const lastA = expectOk(
      await a.emit<{ view: TPlayerView }>('live:submit', { sessionId, questionIndex: 1, answer: await correctAnswerFor(sessionId, 1, joined[0].body.participantId, 'delta-rule') }),
    );
    expect(lastA.view.question).toBeNull();
    expect(lastA.view.result).toMatchObject({ questionIndex: 1, correct: true, streak: 2 });
    expect((await allDone).joined).toBe(2);
    const secondRow = await getDb().liveAnswer.findFirstOrThrow({ where: { participantId: joined[0].body.participantId, question: { index: 1 } } });
    expect(secondRow.points).toBe(computePoints({ score: 1, msToAnswer: secondRow.msToAnswer, timeLimitMs: 20_000, streakBefore: 1 }).points);

    // The host ends it: the podium for everyone, and late answers are refused from then on.
    const podium = a.next<TLeaderboard>('live:leaderboard', (board) => board.isFinal);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 0 } }));
    expect((await podium).top.map((entry) => entry.nickname)).toEqual([joined[0].body.nickname, joined[1].body.nickname]);
    const results = await findLiveSessionResults(sessionId);
    expect(results?.participants.map((p) => [p.nickname, p.answered, p.correct])).toEqual([
      [joined[0].body.nickname, 2, 2],
      [joined[1].body.nickname, 1, 1],
    ]);
    for (const socket of [host, a, b]) socket.close();
  });
});
