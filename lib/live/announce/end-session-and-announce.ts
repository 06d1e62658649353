import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { closeQuestionAndAnnounce } from '@/lib/live/announce/close-question-and-announce';
import { finishLiveSession } from '@/lib/live/state/finish-live-session';
import { clearTimers } from '@/lib/live/announce/live-timers';
import { getLiveSessionRow } from '@/lib/live/state/get-live-session-row';

/** Ends the session (closing an open question first, so its answers count) and shows the podium. */
export async function endSessionAndAnnounce(announce: LiveAnnouncer, sessionId: string): Promise<void> {
  const session = await getLiveSessionRow(sessionId);
  const isOpenQuestion = session.mode === 'INSTRUCTOR_PACED' && session.state === 'QUESTION' && session.currentIndex >= 0;
  if (isOpenQuestion) await closeQuestionAndAnnounce(announce, sessionId, session.currentIndex);
  if (!(await finishLiveSession(sessionId))) return;
  clearTimers(sessionId);
  await announce.session(sessionId);
  await announce.leaderboard(sessionId, session.currentIndex, true);
}
