import 'server-only';
import { getDb } from '@/lib/db';
import { closedStandingsCte } from '@/lib/live/views/closed-standings-sql';
import { rankTeams, type TeamStanding } from '@/lib/live/views/rank-teams';

/**
 * Team standings of a team session (null without teams), from the same standings as the
 * individual leaderboard: as of the last closed question while one is open, so a team's score
 * reveals no grade early.
 */
export async function findTeamStandings(sessionId: string): Promise<TeamStanding[] | null> {
  const session = await getDb().liveSession.findUnique({ where: { id: sessionId }, select: { teamAssign: true } });
  if (!session?.teamAssign) return null;
  const members = await getDb().$queryRaw<{ team: number; score: number; totalAnswerMs: number }[]>`
    WITH ${closedStandingsCte(sessionId)}
    SELECT team, score, "totalAnswerMs" FROM standing WHERE NOT kicked AND team IS NOT NULL`;
  return rankTeams(members.map((member) => ({ team: member.team, score: Number(member.score), totalAnswerMs: Number(member.totalAnswerMs) })));
}
