import { teamName } from '@/lib/live/protocol/team-setup';

// Team standings. A team's score is the mean of its members' points — not the sum, so a team of
// five does not beat a team of four by headcount (Kahoot does the same). Every active member
// counts, including one who has not answered yet (their 0 is part of the mean); players the host
// removed do not. Shown rounded to whole points; ranked by the exact mean, then by the members'
// mean answer time (the individual tie-break, averaged), then by team number.

export interface TeamMember {
  team: number;
  score: number;
  totalAnswerMs: number;
}

export interface TeamStanding {
  team: number;
  name: { ko: string; en: string };
  members: number;
  /** Mean of the members' points, rounded to a whole number. */
  score: number;
  /** The exact mean, which ranks. */
  meanScore: number;
  rank: number;
}

export function rankTeams(members: readonly TeamMember[]): TeamStanding[] {
  const byTeam = new Map<number, { members: number; points: number; ms: number }>();
  for (const { team, score, totalAnswerMs } of members) {
    const sums = byTeam.get(team) ?? { members: 0, points: 0, ms: 0 };
    sums.members++;
    sums.points += score;
    sums.ms += totalAnswerMs;
    byTeam.set(team, sums);
  }
  return [...byTeam]
    .map(([team, sums]) => ({ team, members: sums.members, meanScore: sums.points / sums.members, meanMs: sums.ms / sums.members }))
    .sort((a, b) => b.meanScore - a.meanScore || a.meanMs - b.meanMs || a.team - b.team)
    .map(({ team, members: count, meanScore }, position) => ({ team, name: teamName(team), members: count, score: Math.round(meanScore), meanScore, rank: position + 1 }));
}
