import type { TLeaderboard } from '@/lib/live/protocol/live-payloads';
import type { LiveStanding } from '@/lib/live/views/get-live-standings';

export const LEADERBOARD_SIZE = 10;

/** The room-wide leaderboard: nicknames and points of the top ten, nothing else. */
export function buildLeaderboard(standings: readonly LiveStanding[], participantCount: number, afterIndex: number, isFinal: boolean): TLeaderboard {
  return {
    afterIndex,
    isFinal,
    participantCount,
    top: standings.slice(0, LEADERBOARD_SIZE).map(({ rank, nickname, score }) => ({ rank, nickname, score })),
  };
}
