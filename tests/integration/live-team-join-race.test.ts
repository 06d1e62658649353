import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectLive, createSessionOverHttp, joinOverHttp } from './live-test-client';

// Players who join while the host's "Start" deals the teams must each end up on exactly one team:
// either dealt with the others, or placed as a late joiner on the smallest team — never teamless.

const EARLY = 12;
const RACING = 40;

describe('live teams: joining while the teams are dealt', () => {
  it('puts every player on a team exactly once when joins race the deal', async () => {
    const instructor = await createTestUser('Instructor');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
    const hostCookie = await signIn(instructor.email);
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, {
      classId: klass.id,
      allowGuests: true,
      questions: [{ typeId: 'sigmoid-derivative', timeLimitS: 60 }],
      teams: { assign: 'RANDOM', teams: 4, size: 4, talkS: 0 },
    });
    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    for (let i = 0; i < EARLY; i++) expect((await joinOverHttp(pin, { nickname: `early ${i}` })).body.found).toBe(true);

    // The host starts (deals the teams) while 40 more players join, spread over the moment of the deal.
    const joins = Array.from({ length: RACING }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i % 10)).then(() => joinOverHttp(pin, { nickname: `racer ${i}` })),
    );
    const start = host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } });
    const [started, ...joined] = await Promise.all([start, ...joins]);
    expectOk(started);
    for (const result of joined) expect(result.body.found).toBe(true);

    const players = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { nickname: true, team: true } });
    expect(players).toHaveLength(EARLY + RACING);
    const teamless = players.filter((player) => player.team === null).map((player) => player.nickname);
    expect(teamless, 'players without a team').toEqual([]);
    for (const player of players) expect(player.team).toBeGreaterThanOrEqual(0);
    for (const player of players) expect(player.team).toBeLessThan(4);
    // Dealt round-robin, late joiners to the smallest team: sizes differ by at most one.
    const sizes = [0, 1, 2, 3].map((team) => players.filter((player) => player.team === team).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    host.close();
  });
});
