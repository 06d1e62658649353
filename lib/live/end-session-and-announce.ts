import type { Namespace } from 'socket.io';
import { closeQuestionAndAnnounce } from '@/lib/live/close-question-and-announce';
import { finishLiveSession } from '@/lib/live/finish-live-session';
import { broadcastLeaderboard, broadcastSession } from '@/lib/live/live-broadcasts';
import { clearTimers } from '@/lib/live/live-timers';
import { getLiveSessionRow } from '@/lib/live/require-live-host';

/** Ends the session (closing an open question first, so its answers count) and shows the podium. */
export async function endSessionAndAnnounce(io: Namespace, sessionId: string): Promise<void> {
  const session = await getLiveSessionRow(sessionId);
  const isOpenQuestion = session.mode === 'INSTRUCTOR_PACED' && session.state === 'QUESTION' && session.currentIndex >= 0;
  if (isOpenQuestion) await closeQuestionAndAnnounce(io, sessionId, session.currentIndex);
  if (!(await finishLiveSession(sessionId))) return;
  clearTimers(sessionId);
  await broadcastSession(io, sessionId);
  await broadcastLeaderboard(io, sessionId, session.currentIndex, true);
}
