import { describe, expect, inject, it } from 'vitest';
import { explain, solve } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import type { THostView, TLeaderboard, TPlayerQuestion, TPlayerResult, TPlayerView, TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { computePoints } from '@/lib/live/state/compute-points';
import { PROJECTOR_PARTICIPANT, liveSeed } from '@/lib/live/variants/live-variant';
import { seedForLive } from '@/lib/exercises/keyed-seeds';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectLive, createSessionOverHttp, joinOverHttp, type LiveTestSocket } from './live-test-client';

// Teams (random deal, players' picks, team talk), scoring options and the explanation after each
// question, over real sockets against the real server and PostgreSQL.

const TYPE = 'sigmoid-derivative';

async function hostSession(input: Record<string, unknown>, nicknames: string[]) {
  const instructor = await createTestUser('Instructor');
  const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
  const hostCookie = await signIn(instructor.email);
  const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, allowGuests: true, questions: [{ typeId: TYPE, timeLimitS: 60 }, { typeId: TYPE, timeLimitS: 60 }], ...input });
  const host = await connectLive({ cookie: hostCookie });
  expectOk(await host.emit('live:host:enter', { sessionId }));
  const joined = [];
  const players: LiveTestSocket[] = [];
  for (const nickname of nicknames) {
    const { body } = await joinOverHttp(pin, { nickname });
    joined.push(body);
    const socket = await connectLive({ guestToken: body.guestToken! });
    expectOk(await socket.emit('live:enter', { sessionId }));
    players.push(socket);
  }
  return { sessionId, host, players, ids: joined.map((body) => body.participantId) };
}

async function right(sessionId: string, index: number, participantId: string) {
  return solve(TYPE, await liveSeed({ sessionId, questionIndex: index, participantId, typeId: TYPE }));
}

describe('live teams', () => {
  it('deals random teams at the start and scores each team with the mean of its members’ points', async () => {
    const { sessionId, host, players, ids } = await hostSession({ teams: { assign: 'RANDOM', teams: 2 } }, ['p1', 'p2', 'p3', 'p4', 'p5']);
    const lobby = expectOk(await players[0].emit<{ view: TPlayerView }>('live:enter', { sessionId })).view;
    expect(lobby.session.teams).toEqual({ assign: 'RANDOM', count: 2, talkS: 0 });
    expect(lobby.you.team).toBeNull();
    // Players cannot pick in a RANDOM session.
    const pick = await players[0].emit('live:team', { sessionId, team: 1 });
    expect(pick.ok ? '' : pick.error.reason).toBe('teams-not-picked');

    const questions = players.map((player) => player.next<TPlayerQuestion>('live:question', (q) => q.index === 0));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const seen = await Promise.all(questions);
    const teams = seen.map((q) => q.team);
    expect(teams.every((team) => team === 0 || team === 1)).toBe(true);
    expect([teams.filter((t) => t === 0).length, teams.filter((t) => t === 1).length].sort()).toEqual([2, 3]);
    const stored = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { id: true, team: true } });
    for (const [i, id] of ids.entries()) expect(stored.find((p) => p.id === id)?.team).toBe(teams[i]);

    // p1, p2 and p3 answer right, the rest wrong.
    for (const [i, player] of players.entries()) {
      const answer = i < 3 ? await right(sessionId, 0, ids[i]) : { value: 9, derivative: 9, gradient: 9 };
      expectOk(await player.emit('live:submit', { sessionId, questionIndex: 0, answer }));
    }
    await host.next<TQuestionResults>('live:host:results', (r) => r.questionIndex === 0);
    const board = host.next<TLeaderboard>('live:leaderboard');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
    const { teams: teamBoard } = await board;
    // By hand: each team's mean of its members' stored points.
    const rows = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { team: true, score: true, totalAnswerMs: true } });
    const meanOf = (team: number) => {
      const members = rows.filter((row) => row.team === team);
      return members.reduce((sum, row) => sum + row.score, 0) / members.length;
    };
    expect(teamBoard).not.toBeNull();
    expect(teamBoard!.map((t) => ({ team: t.team, score: t.score, members: t.members }))).toEqual(
      [0, 1]
        .map((team) => ({ team, score: Math.round(meanOf(team)), members: rows.filter((row) => row.team === team).length, exact: meanOf(team) }))
        .sort((a, b) => b.exact - a.exact)
        .map(({ exact: _exact, ...rest }) => rest),
    );
    expect(teamBoard!.map((t) => t.rank)).toEqual([1, 2]);
    // A late joiner goes to the smaller team.
    const smaller = [0, 1].find((team) => rows.filter((row) => row.team === team).length === 2)!;
    const late = await joinOverHttp((await getDb().liveSession.findUniqueOrThrow({ where: { id: sessionId } })).pin, { nickname: 'late' });
    expect((await getDb().liveParticipant.findUniqueOrThrow({ where: { id: late.body.participantId } })).team).toBe(smaller);
    for (const socket of [host, ...players]) socket.close();
  });

  it('lets players pick in the lobby, puts the rest in the smallest team, and refuses answers during the team talk', async () => {
    const { sessionId, host, players, ids } = await hostSession({ teams: { assign: 'PICK', teams: 3, talkS: 10 } }, ['a', 'b', 'c', 'd']);
    const lobbyChange = host.next<{ added?: { id: string; team: number | null } }>('live:host:lobby', (change) => change.added?.id === ids[0] && change.added.team === 2);
    expect(expectOk(await players[0].emit<{ team: number }>('live:team', { sessionId, team: 2 })).team).toBe(2);
    await lobbyChange;
    expectOk(await players[1].emit('live:team', { sessionId, team: 2 }));
    const tooBig = await players[2].emit('live:team', { sessionId, team: 3 });
    expect(tooBig.ok ? '' : tooBig.error.reason).toBe('bad-request');
    const view = expectOk(await players[0].emit<{ view: TPlayerView }>('live:enter', { sessionId })).view;
    expect(view.you.team).toBe(2);

    const opened = players[2].next<TPlayerQuestion>('live:question', (q) => q.index === 0);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const question = await opened;
    // c and d had not picked: the two smallest teams, 0 then 1.
    const stored = await getDb().liveParticipant.findMany({ where: { id: { in: ids } }, select: { id: true, team: true } });
    expect(ids.map((id) => stored.find((p) => p.id === id)!.team)).toEqual([2, 2, 0, 1]);
    // The talk: answers open 10 s after the question is shown, and the clock counts from there.
    expect(question.talkS).toBe(10);
    expect(new Date(question.openedAt).getTime() - new Date(question.serverNow).getTime()).toBeGreaterThan(8_000);
    expect(new Date(question.closesAt).getTime() - new Date(question.openedAt).getTime()).toBe(60_000);
    const early = await players[2].emit('live:submit', { sessionId, questionIndex: 0, answer: await right(sessionId, 0, ids[2]) });
    expect(early.ok ? '' : early.error.reason).toBe('team-talk');
    const late = await players[0].emit('live:team', { sessionId, team: 0 });
    expect(late.ok ? '' : late.error.reason).toBe('teams-not-picked');
    for (const socket of [host, ...players]) socket.close();
  });
});

describe('live scoring options and explanations', () => {
  it('scores with the session’s options and sends each player the worked solution of their own variant after the close', async () => {
    const scoring = { pointsPerQuestion: 2000, speedBonus: false, streakBonus: false };
    const { sessionId, host, players, ids } = await hostSession({ scoring }, ['x', 'y']);
    const view = expectOk(await players[0].emit<{ view: TPlayerView }>('live:enter', { sessionId })).view;
    expect(view.session.scoring).toEqual(scoring);
    expect(view.session.teams).toBeNull();

    for (const index of [0, 1]) {
      const from = index === 0 ? { state: 'LOBBY', index: -1 } : { state: 'LEADERBOARD', index: 0 };
      const question = players[0].next<TPlayerQuestion>('live:question', (q) => q.index === index);
      expectOk(await host.emit('live:host:advance', { sessionId, from }));
      expect(JSON.stringify(await question)).not.toContain('explanation');
      const results = players.map((player) => player.next<TPlayerResult>('live:result', (r) => r.questionIndex === index));
      const hostResults = host.next<TQuestionResults>('live:host:results', (r) => r.questionIndex === index);
      expectOk(await players[0].emit('live:submit', { sessionId, questionIndex: index, answer: await right(sessionId, index, ids[0]) }));
      expectOk(await players[1].emit('live:submit', { sessionId, questionIndex: index, answer: { value: 9, derivative: 9, gradient: 9 } }));
      const [mine, theirs] = await Promise.all(results);
      // Correctness only at 2000 points, no streak bonus: exactly 2000 however long it took.
      expect(mine).toMatchObject({ correct: true, points: 2000, streak: index + 1 });
      const stored = await getDb().liveAnswer.findFirstOrThrow({ where: { participantId: ids[0], question: { sessionId, index } } });
      expect(stored.points).toBe(computePoints({ score: 1, msToAnswer: stored.msToAnswer, timeLimitMs: 60_000, streakBefore: index, scoring }).points);
      expect(theirs.points).toBe(0);
      // Each player's own worked solution, as the engine explains their own seed.
      for (const [i, result] of [mine, theirs].entries()) {
        const seed = await liveSeed({ sessionId, questionIndex: index, participantId: ids[i], typeId: TYPE });
        expect(result.explanation).toEqual(explain(TYPE, seed).map(({ text, latex }) => ({ text, latex })));
      }
      // The projector: the worked solution of its own example.
      const example = (await hostResults).example;
      expect(example).toEqual(explain(TYPE, seedForLive(sessionId, index, PROJECTOR_PARTICIPANT)).map(({ text, latex }) => ({ text, latex })));
      expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index } }));
    }
    // A reload after the close shows the explanation again; the host view has the example.
    const reentry = expectOk(await players[1].emit<{ view: TPlayerView }>('live:enter', { sessionId })).view;
    expect(reentry.result?.explanation.length).toBeGreaterThan(0);
    const hostView = expectOk(await host.emit<{ view: THostView }>('live:host:enter', { sessionId })).view;
    expect(hostView.session.scoring).toEqual(scoring);
    for (const socket of [host, ...players]) socket.close();
  });

  it('records a practice session’s grades with no points, and refuses teams in a self-paced session', async () => {
    const { sessionId, host, players, ids } = await hostSession({ scoring: { pointsPerQuestion: 0, speedBonus: true, streakBonus: true } }, ['solo']);
    const result = players[0].next<TPlayerResult>('live:result', (r) => r.questionIndex === 0);
    // Wait from before the advance: the question can arrive before the host's ack.
    const question = players[0].next('live:question');
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await question;
    expectOk(await players[0].emit('live:submit', { sessionId, questionIndex: 0, answer: await right(sessionId, 0, ids[0]) }));
    expect(await result).toMatchObject({ correct: true, grade: 1, points: 0, totalScore: 0 });

    const instructor = await createTestUser('Instructor');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
    const response = await fetch(`${inject('baseUrl')}/api/live/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await signIn(instructor.email) },
      body: JSON.stringify({ classId: klass.id, questions: [{ typeId: TYPE, timeLimitS: 30 }], mode: 'SELF_PACED', deadlineMinutes: 30, teams: { assign: 'RANDOM', teams: 2 } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fieldErrors?: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors ?? {})).toContain('teams');
    for (const socket of [host, ...players]) socket.close();
  });
});
