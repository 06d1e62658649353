import type { Namespace } from 'socket.io';
import { closeQuestionAndAnnounce } from '@/lib/live/close-question-and-announce';
import { endSessionAndAnnounce } from '@/lib/live/end-session-and-announce';
import { broadcastLeaderboard, broadcastSession } from '@/lib/live/live-broadcasts';
import { sessionEnded, stalePhase } from '@/lib/live/live-errors';
import type { THostAdvance } from '@/lib/live/live-schemas';
import { openQuestionAndAnnounce } from '@/lib/live/open-question-and-announce';
import { getDb } from '@/lib/db';
import type { LiveSessionRow } from '@/lib/live/require-live-host';
import { showLiveLeaderboard } from '@/lib/live/show-live-leaderboard';
import { startSelfPacedAndAnnounce } from '@/lib/live/start-self-paced-and-announce';

/**
 * The host's "next": lobby → question → results → leaderboard → next question … → podium.
 * `from` is the phase on the host's screen; if the session is elsewhere (a double click, a second
 * host tab) nothing happens and the host is told it already moved on.
 */
export async function advanceLiveSession(io: Namespace, session: LiveSessionRow, from: THostAdvance['from']): Promise<void> {
  if (session.state !== from.state || session.currentIndex !== from.index) throw stalePhase();
  if (session.mode === 'SELF_PACED') {
    // Self-paced has two phases for the host: start, then end (the podium).
    if (session.state === 'LOBBY') return startSelfPacedAndAnnounce(io, session.id);
    if (session.state === 'QUESTION') return endSessionAndAnnounce(io, session.id);
    throw sessionEnded();
  }
  switch (session.state) {
    case 'LOBBY':
      return openQuestionAndAnnounce(io, session.id, 0);
    case 'QUESTION':
      if (!(await closeQuestionAndAnnounce(io, session.id, session.currentIndex))) throw stalePhase();
      return;
    case 'RESULTS':
      await showLiveLeaderboard(session.id, session.currentIndex);
      await broadcastSession(io, session.id);
      return broadcastLeaderboard(io, session.id, session.currentIndex, false);
    case 'LEADERBOARD': {
      const questionCount = await getDb().liveQuestion.count({ where: { sessionId: session.id } });
      if (session.currentIndex + 1 < questionCount) return openQuestionAndAnnounce(io, session.id, session.currentIndex + 1);
      return endSessionAndAnnounce(io, session.id);
    }
    case 'FINISHED':
      throw sessionEnded();
  }
}
