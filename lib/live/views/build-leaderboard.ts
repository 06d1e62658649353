import type { TLeaderboard } from '@/lib/live/protocol/live-payloads';
import type { LiveStanding } from '@/lib/live/views/get-live-standings';
import type { TeamStanding } from '@/lib/live/views/rank-teams';

export const LEADERBOARD_SIZE = 10;

/**
 * The room-wide leaderboard: nicknames and points of the top ten, nothing else; in team mode
 * every team's standing beside it (`teams`, from findTeamStandings).
 */
export function buildLeaderboard(standings: readonly LiveStanding[], participantCount: number, afterIndex: number, isFinal: boolean, teams: readonly TeamStanding[] | null = null): TLeaderboard {
  return {
    afterIndex,
    isFinal,
    participantCount,
    top: standings.slice(0, LEADERBOARD_SIZE).map(({ rank, nickname, score }) => ({ rank, nickname, score })),
    teams: teams?.map(({ team, name, members, score, rank }) => ({ team, name, members, score, rank })) ?? null,
  };
}
