import { describe, expect, it } from 'vitest';
import type { TPlayerQuestion, TPlayerResult, TPlayerView } from '@/lib/live/protocol/live-payloads';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { connectLive, hostTwoQuestionSession, joinOverHttp } from './live-test-client';
import { expectOk } from '../support/acks';

async function sessionWithOnePlayer({ guest = false } = {}) {
  const instructor = await createTestUser('Instructor');
  const student = await createTestUser('Student');
  const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }]);
  const hostCookie = await signIn(instructor.email);
  const { sessionId, pin, host } = await hostTwoQuestionSession(hostCookie, klass.id);
  const studentCookie = await signIn(student.email);
  const joined = (await joinOverHttp(pin, guest ? { nickname: 'Guest Lee' } : { cookie: studentCookie })).body;
  const connectPlayer = () => (guest ? connectLive({ guestToken: joined.guestToken! }) : connectLive({ cookie: studentCookie }));
  return { sessionId, host, connectPlayer, joined };
}

describe('live reconnects', () => {
  for (const guest of [false, true]) {
    it(`brings a ${guest ? 'guest' : 'signed-in student'} who reloads back to the same question, answer and score`, async () => {
      const { sessionId, host, connectPlayer } = await sessionWithOnePlayer({ guest });
      const first = await connectPlayer();
      expectOk(await first.emit('live:enter', { sessionId }));
      const opened = first.next<TPlayerQuestion>('live:question');
      expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
      const question = await opened;
      const answer = { value: 0.25, derivative: 0.5, gradient: 0.75 };
      // Two players would close the question early; one alone keeps it open while they reload.
      expectOk(await first.emit('live:submit', { sessionId, questionIndex: 0, answer }));
      first.close();

      const again = await connectPlayer();
      const view = expectOk(await again.emit<{ view: TPlayerView }>('live:enter', { sessionId })).view;
      expect(view.question?.index).toBe(0);
      expect(view.question?.given).toEqual(question.given);
      expect(view.question?.closesAt).toBe(question.closesAt);
      expect(view.submission?.answer).toEqual(answer);
      again.close();
      host.close();
    });
  }

  it('resumes a short drop with connection state recovery: same socket id, and the missed result is delivered', async () => {
    const { sessionId, host, connectPlayer } = await sessionWithOnePlayer();
    const player = await connectPlayer();
    expectOk(await player.emit('live:enter', { sessionId }));
    const opened = player.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await opened;
    const idBefore = player.socket.id;

    // The transport drops (a phone changing networks); the host closes the question meanwhile.
    // `connect` (not the manager's `reconnect`) comes with the server's answer on recovery.
    const reconnected = new Promise<void>((resolve) => player.socket.once('connect', () => resolve()));
    player.socket.io.engine.close();
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 0 } }));
    const result = player.next<TPlayerResult>('live:result');
    await reconnected;
    expect(player.socket.recovered).toBe(true);
    expect(player.socket.id).toBe(idBefore);
    expect(await result).toMatchObject({ questionIndex: 0, answered: false });

    // The recovered socket is still the same player: it can act without entering again.
    const next = player.next<TPlayerQuestion>('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 0 } }));
    expect((await next).index).toBe(1);
    // An answer of the wrong shape is refused for its shape, not for who sent it.
    const ack = await player.emit('live:submit', { sessionId, questionIndex: 1, answer: { value: 1 } });
    expect(ack.ok ? 'stored' : ack.error.reason).toBe('invalid-answer');
    player.close();
    host.close();
  });
});
