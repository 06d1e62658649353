import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { seedForLive } from '@/lib/exercises/keyed-seeds';
import { assignTeams } from '@/lib/live/state/assign-teams';
import { teamCountFor } from '@/lib/live/protocol/team-setup';

/** The keyed seed of a session's team shuffle: reproducible on the server, unguessable by players. */
const TEAM_SEED_INDEX = -1;
const TEAM_SEED_PARTICIPANT = 'teams';

/**
 * Deals every active player of a team session into a team, once, as the first question opens
 * (inside that transaction, so no answer is stored before everyone has a team). PICK keeps the
 * lobby's picks. Returns the number of teams, or null for a session without teams.
 */
export async function assignSessionTeams(tx: Prisma.TransactionClient, sessionId: string): Promise<number | null> {
  const session = await tx.liveSession.findUnique({ where: { id: sessionId }, select: { teamAssign: true, teamCount: true, teamSize: true } });
  if (!session?.teamAssign) return null;
  const candidates = await tx.liveParticipant.findMany({
    where: { sessionId, kicked: false },
    orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, team: true },
  });
  const setup = { assign: session.teamAssign, teams: session.teamCount ?? 2, size: session.teamSize ?? 4 };
  const teams = assignTeams(setup, candidates.map(({ id, team }) => ({ participantId: id, picked: team })), seedForLive(sessionId, TEAM_SEED_INDEX, TEAM_SEED_PARTICIPANT));
  const byTeam = new Map<number, string[]>();
  for (const [participantId, team] of teams) byTeam.set(team, [...(byTeam.get(team) ?? []), participantId]);
  for (const [team, ids] of byTeam) await tx.liveParticipant.updateMany({ where: { id: { in: ids } }, data: { team } });
  const count = teamCountFor(setup, candidates.length);
  // BY_SIZE: the number of teams depends on who came; it is fixed from now on.
  await tx.liveSession.update({ where: { id: sessionId }, data: { teamCount: count } });
  return count;
}

/**
 * The team of a player who joins after the start: the one with the fewest active members (lowest
 * number on a tie). Null for a session without teams or still in the lobby.
 */
export async function teamForLateJoiner(tx: Prisma.TransactionClient, sessionId: string): Promise<number | null> {
  const session = await tx.liveSession.findUnique({ where: { id: sessionId }, select: { teamAssign: true, teamCount: true, state: true } });
  if (!session?.teamAssign || session.state === 'LOBBY' || !session.teamCount) return null;
  const counts = await tx.liveParticipant.groupBy({ by: ['team'], where: { sessionId, kicked: false, team: { not: null } }, _count: { _all: true } });
  const sizes = Array.from({ length: session.teamCount }, (_, team) => counts.find((row) => row.team === team)?._count._all ?? 0);
  return sizes.indexOf(Math.min(...sizes));
}

/**
 * Called by a join, in its transaction, before it picks a team and stores the player: waits while
 * the first question opens and deals the teams (that transaction holds the session row), so a
 * player joining at that moment is either dealt with the others (their join committed first) or
 * comes after the deal as a late joiner — never left without a team. After the start, late joiners
 * also take turns (an advisory lock per session), so two of them never both pick the same smallest
 * team.
 */
export async function lockSessionForJoin(tx: Prisma.TransactionClient, sessionId: string): Promise<void> {
  const [session] = await tx.$queryRaw<{ state: string; teamAssign: string | null }[]>`
    SELECT state::text AS state, "teamAssign"::text AS "teamAssign" FROM "LiveSession" WHERE id = ${sessionId} FOR SHARE`;
  if (session?.teamAssign && session.state !== 'LOBBY') await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('live-team-join'), hashtext(${sessionId}))`;
}
