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
    SELECT p.team, s.score, s."totalAnswerMs"
    FROM standing s JOIN "LiveParticipant" p ON p.id = s.id
    WHERE NOT s.kicked AND p.team IS NOT NULL`;
  return rankTeams(members.map((member) => ({ team: member.team, score: Number(member.score), totalAnswerMs: Number(member.totalAnswerMs) })));
}
