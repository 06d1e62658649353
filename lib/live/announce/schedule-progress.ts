import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { closeQuestionAndAnnounce } from '@/lib/live/announce/close-question-and-announce';
import { debounce } from '@/lib/live/announce/live-timers';

/** How often, at most, the host's "answered" count is refreshed per question and process. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * After an accepted answer: refresh the host's answered count (one count query per interval, not
 * one per answer) and close the question early once every active player has answered.
 */
export function scheduleProgress(announce: LiveAnnouncer, sessionId: string, index: number): void {
  debounce(`${sessionId}:progress:${index}`, PROGRESS_INTERVAL_MS, async () => {
    const { answered, joined } = await announce.progress(sessionId, index);
    if (joined > 0 && answered >= joined) await closeQuestionAndAnnounce(announce, sessionId, index);
  });
}
