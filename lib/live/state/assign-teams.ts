import { rng } from '@/engine/rng';
import { teamCountFor, type TTeamSetup } from '@/lib/live/protocol/team-setup';

export interface TeamCandidate {
  participantId: string;
  /** PICK: the team the player chose (null: none yet). */
  picked: number | null;
}

/**
 * Puts every player in a team. Pure and reproducible: the shuffle is drawn from `seed` (the
 * server keys it per session), so re-running the assignment after a restart gives the same teams.
 * `candidates` are in join order. RANDOM and BY_SIZE deal the shuffled players round-robin, so
 * sizes differ by at most one; PICK keeps each pick (in range) and deals the rest, in join
 * order, to the currently smallest team (lowest number on a tie).
 */
export function assignTeams(setup: Pick<TTeamSetup, 'assign' | 'teams' | 'size'>, candidates: readonly TeamCandidate[], seed: number): Map<string, number> {
  const count = teamCountFor(setup, candidates.length);
  const teams = new Map<string, number>();
  if (setup.assign !== 'PICK') {
    const order = rng(seed).shuffle(candidates.map((candidate) => candidate.participantId));
    order.forEach((participantId, position) => teams.set(participantId, position % count));
    return teams;
  }
  const sizes = new Array<number>(count).fill(0);
  for (const { participantId, picked } of candidates) {
    if (picked !== null && picked >= 0 && picked < count) {
      teams.set(participantId, picked);
      sizes[picked]++;
    }
  }
  for (const { participantId } of candidates) {
    if (teams.has(participantId)) continue;
    const smallest = sizes.indexOf(Math.min(...sizes));
    teams.set(participantId, smallest);
    sizes[smallest]++;
  }
  return teams;
}
