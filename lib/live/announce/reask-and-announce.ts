import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { openQuestionAndAnnounce } from '@/lib/live/announce/open-question-and-announce';
import { stalePhase } from '@/lib/live/protocol/live-errors';
import type { THostReask } from '@/lib/live/protocol/live-schemas';
import { insertReaskQuestion } from '@/lib/live/state/insert-reask-question';

/**
 * The host's "Re-ask": a follow-up of the question on their screen, asking its named mistake
 * again with new numbers for everyone, opened at once. Only from that question's results or
 * leaderboard (the insert re-checks the phase under a lock, so a double click adds one follow-up).
 */
export async function reaskAndAnnounce(announce: LiveAnnouncer, sessionId: string, { from, mistakeId }: Pick<THostReask, 'from' | 'mistakeId'>): Promise<{ index: number }> {
  if (from.state !== 'RESULTS' && from.state !== 'LEADERBOARD') throw stalePhase();
  const followUp = await insertReaskQuestion({ sessionId, index: from.index, mistakeId });
  await openQuestionAndAnnounce(announce, sessionId, followUp.index);
  return followUp;
}
