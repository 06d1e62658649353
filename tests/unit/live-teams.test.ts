import { describe, expect, it } from 'vitest';
import { assignTeams, type TeamCandidate } from '@/lib/live/state/assign-teams';
import { rankTeams } from '@/lib/live/views/rank-teams';
import { ZTeamSetup, teamCountFor } from '@/lib/live/protocol/team-setup';

const players = (n: number, picks: (number | null)[] = []): TeamCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ participantId: `p${i}`, picked: picks[i] ?? null }));

function sizes(teams: Map<string, number>, count: number): number[] {
  const result = new Array<number>(count).fill(0);
  for (const team of teams.values()) result[team]++;
  return result;
}

describe('assignTeams', () => {
  it('deals random teams whose sizes differ by at most one, the same from the same seed', () => {
    const setup = ZTeamSetup.parse({ assign: 'RANDOM', teams: 3 });
    const first = assignTeams(setup, players(10), 42);
    expect(first.size).toBe(10);
    expect(sizes(first, 3).sort()).toEqual([3, 3, 4]);
    expect([...assignTeams(setup, players(10), 42)]).toEqual([...first]);
    // A different seed gives a different deal (with 10 players, a same deal is 1 in thousands).
    expect([...assignTeams(setup, players(10), 43)]).not.toEqual([...first]);
  });

  it('makes as many teams as give teams of about the chosen size', () => {
    const setup = ZTeamSetup.parse({ assign: 'BY_SIZE', size: 4 });
    expect(teamCountFor(setup, 13)).toBe(3);
    expect(sizes(assignTeams(setup, players(13), 1), 3).sort()).toEqual([4, 4, 5]);
    expect(teamCountFor(setup, 1)).toBe(1);
    expect(teamCountFor(setup, 200)).toBe(8);
  });

  it('keeps players’ picks and puts the rest, in join order, into the smallest team', () => {
    const setup = ZTeamSetup.parse({ assign: 'PICK', teams: 3 });
    const teams = assignTeams(setup, players(6, [0, 0, 0, null, 7, null]), 5);
    expect(teams.get('p0')).toBe(0);
    expect(teams.get('p2')).toBe(0);
    // p3 → team 1 (smallest, lowest number), p4 picked out of range → team 2, p5 → team 1.
    expect([teams.get('p3'), teams.get('p4'), teams.get('p5')]).toEqual([1, 2, 1]);
  });
});

describe('rankTeams', () => {
  it('scores a team with the mean of its members’ points and ranks by it', () => {
    const standings = rankTeams([
      { team: 0, score: 1000, totalAnswerMs: 5000 },
      { team: 0, score: 0, totalAnswerMs: 9000 },
      { team: 1, score: 700, totalAnswerMs: 4000 },
      { team: 1, score: 650, totalAnswerMs: 4000 },
      { team: 1, score: 0, totalAnswerMs: 4000 },
      { team: 2, score: 451, totalAnswerMs: 1000 },
    ]);
    // Means by hand: team 0 (1000 + 0) / 2 = 500; team 1 (700 + 650 + 0) / 3 = 450; team 2 451.
    expect(standings.map((s) => [s.team, s.score, s.members, s.rank])).toEqual([[0, 500, 2, 1], [2, 451, 1, 2], [1, 450, 3, 3]]);
    expect(standings[0].name.en).toBe('Red team');
  });

  it('breaks a tie by the members’ mean answer time, then by team number', () => {
    const standings = rankTeams([
      { team: 0, score: 500, totalAnswerMs: 8000 },
      { team: 1, score: 500, totalAnswerMs: 2000 },
      { team: 2, score: 500, totalAnswerMs: 2000 },
    ]);
    expect(standings.map((s) => s.team)).toEqual([1, 2, 0]);
  });
});
