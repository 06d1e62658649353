import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { closeQuestionAndAnnounce } from '@/lib/live/announce/close-question-and-announce';
import { endSessionAndAnnounce } from '@/lib/live/announce/end-session-and-announce';
import { sessionEnded, stalePhase, trainingRunning } from '@/lib/live/protocol/live-errors';
import type { THostAdvance } from '@/lib/live/protocol/live-schemas';
import { openQuestionAndAnnounce } from '@/lib/live/announce/open-question-and-announce';
import { getDb } from '@/lib/db';
import type { LiveSessionRow } from '@/lib/live/state/get-live-session-row';
import { showLiveLeaderboard } from '@/lib/live/state/show-live-leaderboard';
import { startSelfPacedAndAnnounce } from '@/lib/live/announce/start-self-paced-and-announce';

/**
 * The host's "next": lobby → question → results → leaderboard → next question … → podium.
 * `from` is the phase on the host's screen; if the session is elsewhere (a double click, a second
 * host tab) nothing happens and the host is told it already moved on.
 */
export async function advanceLiveSession(announce: LiveAnnouncer, session: LiveSessionRow, from: THostAdvance['from']): Promise<void> {
  if (session.state !== from.state || session.currentIndex !== from.index) throw stalePhase();
  if (session.mode === 'SELF_PACED') {
    // Self-paced has two phases for the host: start, then end (the podium).
    if (session.state === 'LOBBY') return startSelfPacedAndAnnounce(announce, session.id);
    if (session.state === 'QUESTION') return endSessionAndAnnounce(announce, session.id);
    throw sessionEnded();
  }
  switch (session.state) {
    case 'LOBBY':
      return openQuestionAndAnnounce(announce, session.id, 0);
    case 'QUESTION':
      if (!(await closeQuestionAndAnnounce(announce, session.id, session.currentIndex))) throw stalePhase();
      return;
    case 'RESULTS':
      if (await isPredictionUndecided(session.id, session.currentIndex)) throw trainingRunning();
      await showLiveLeaderboard(session.id, session.currentIndex);
      await announce.session(session.id);
      return announce.leaderboard(session.id, session.currentIndex, false);
    case 'LEADERBOARD': {
      const questionCount = await getDb().liveQuestion.count({ where: { sessionId: session.id } });
      if (session.currentIndex + 1 < questionCount) return openQuestionAndAnnounce(announce, session.id, session.currentIndex + 1);
      return endSessionAndAnnounce(announce, session.id);
    }
    case 'FINISHED':
      throw sessionEnded();
  }
}

/** A prediction question whose training has not decided it yet: its results are still to come. */
async function isPredictionUndecided(sessionId: string, index: number): Promise<boolean> {
  const question = await getDb().liveQuestion.findUnique({ where: { sessionId_index: { sessionId, index } }, select: { predict: true, predictOutcome: true } });
  return question !== null && question.predict !== null && question.predictOutcome === null;
}
