import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { TPlayerQuestion } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn, type TestUser } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectLive, correctAnswerFor, createSessionOverHttp, joinOverHttp } from './live-test-client';

// Live answers update the learner model like homework and exam attempts (docs/course.md, "The one
// hook into grading"): a signed-in player's graded answer is one BKT step for (student, skill), a
// duplicate changes nothing, a guest changes nothing. Checked against hand-computed BKT values
// (P(L0) 0.1, P(T) 0.1, P(S) 0.1, P(G) 0.2).

const TYPE = 'sigmoid-derivative';
const WRONG = { value: 42, derivative: 42, gradient: 42 };
let teacher: TestUser;
let student: TestUser;
let classId = '';
let hostCookie = '';
let studentCookie = '';

beforeAll(async () => {
  teacher = await createTestUser('Teacher');
  student = await createTestUser('Mina');
  ({ id: classId } = await createTestClass([
    { user: teacher, role: 'INSTRUCTOR' },
    { user: student, role: 'STUDENT' },
  ]));
  [hostCookie, studentCookie] = await Promise.all([signIn(teacher.email), signIn(student.email)]);
});

const masteryOf = (userId: string) => getDb().skillMastery.findUnique({ where: { userId_typeId: { userId, typeId: TYPE } } });

describe('live answers and mastery', () => {
  it('updates a signed-in player’s mastery once per graded answer to the hand-computed BKT values; a guest updates nothing', async () => {
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, {
      classId,
      allowGuests: true,
      questions: [{ typeId: TYPE, timeLimitS: 60 }, { typeId: TYPE, timeLimitS: 60 }],
    });
    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    const joinedStudent = await joinOverHttp(pin, { cookie: studentCookie });
    const joinedGuest = await joinOverHttp(pin, { nickname: 'Guest Lee' });
    expect([joinedStudent.status, joinedGuest.status]).toEqual([200, 200]);
    const player = await connectLive({ cookie: studentCookie });
    const guest = await connectLive({ guestToken: joinedGuest.body.guestToken! });
    for (const socket of [player, guest]) expectOk(await socket.emit('live:enter', { sessionId }));

    // Question 1: the student answers wrong (and sends it twice), the guest answers right.
    const firstQuestion = player.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    expect((await firstQuestion).index).toBe(0);
    expect((await masteryOf(student.id))).toBeNull();
    expect(expectOk(await player.emit<{ isDuplicate: boolean }>('live:submit', { sessionId, questionIndex: 0, answer: WRONG })).isDuplicate).toBe(false);
    expect(expectOk(await player.emit<{ isDuplicate: boolean }>('live:submit', { sessionId, questionIndex: 0, answer: WRONG })).isDuplicate).toBe(true);

    const afterWrong = await masteryOf(student.id);
    // 0.1·0.1 / (0.1·0.1 + 0.9·0.8) = 1/73, then + (72/73)·0.1 = 8.2/73
    expect(afterWrong?.pKnown).toBeCloseTo(8.2 / 73, 12);
    expect(afterWrong).toMatchObject({ attempts: 1, correct: 0 });
    const wrongAnswer = await getDb().liveAnswer.findFirstOrThrow({ where: { participantId: joinedStudent.body.participantId, question: { index: 0 } } });
    expect(afterWrong?.lastAttemptAt.getTime()).toBe(wrongAnswer.createdAt.getTime());
    // A wrong first answer does not put the skill in the review queue.
    expect(await getDb().reviewCard.count({ where: { userId: student.id, typeId: TYPE } })).toBe(0);

    const masteryRowsBefore = await getDb().skillMastery.count({ where: { typeId: TYPE } });
    const guestRight = await correctAnswerFor(sessionId, 0, joinedGuest.body.participantId, TYPE);
    const resultsForHost = host.next('live:host:results');
    expectOk(await guest.emit('live:submit', { sessionId, questionIndex: 0, answer: guestRight }));
    const guestAnswer = await getDb().liveAnswer.findFirstOrThrow({ where: { participantId: joinedGuest.body.participantId } });
    expect(guestAnswer.correct, 'the guest’s answer is graded and stored').toBe(true);
    expect(await getDb().skillMastery.count({ where: { typeId: TYPE } }), 'a guest creates no learner-model row').toBe(masteryRowsBefore);
    expect(await getDb().skillMastery.count({ where: { typeId: TYPE, lastAttemptAt: guestAnswer.createdAt } })).toBe(0);

    // Everyone answered: the question closes. Question 2 (same skill): the student answers right.
    await resultsForHost;
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
    const secondQuestion = player.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 0 } }));
    expect((await secondQuestion).index).toBe(1);
    const right = await correctAnswerFor(sessionId, 1, joinedStudent.body.participantId, TYPE);
    expectOk(await player.emit('live:submit', { sessionId, questionIndex: 1, answer: right }));

    const afterRight = await masteryOf(student.id);
    // (8.2/73·0.9) / (8.2/73·0.9 + 64.8/73·0.2) = 7.38/20.34, then + (1 − ·)·0.1
    const posterior = 7.38 / 20.34;
    expect(afterRight?.pKnown).toBeCloseTo(posterior + (1 - posterior) * 0.1, 12);
    expect(afterRight).toMatchObject({ attempts: 2, correct: 1 });
    // The first right answer puts the skill in the review queue, reviewed at the answer's time.
    const rightAnswer = await getDb().liveAnswer.findFirstOrThrow({ where: { participantId: joinedStudent.body.participantId, question: { index: 1 } } });
    const card = await getDb().reviewCard.findUniqueOrThrow({ where: { userId_typeId: { userId: student.id, typeId: TYPE } } });
    expect(card).toMatchObject({ reps: 1, lastReview: rightAnswer.createdAt });

    for (const socket of [host, player, guest]) socket.close();
  });
});
