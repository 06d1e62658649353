import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { closeQuestionAndAnnounce } from '@/lib/live/announce/close-question-and-announce';
import { armTimer, questionTimerKey } from '@/lib/live/announce/live-timers';
import { scheduleTimerTakeover } from '@/lib/live/announce/live-timer-jobs';

/**
 * Closes the question a moment after its deadline. The grace lets an answer that arrived before
 * closesAt finish grading and storing; answers arriving after closesAt are refused on submit anyway.
 */
export const CLOSE_GRACE_MS = 500;

export function armQuestionTimer(announce: LiveAnnouncer, sessionId: string, index: number, closesAt: Date): void {
  const closeAt = new Date(closesAt.getTime() + CLOSE_GRACE_MS);
  const isNew = armTimer(questionTimerKey(sessionId, index), closeAt, async () => {
    await closeQuestionAndAnnounce(announce, sessionId, index);
  });
  // Should this process die before closeAt, another one closes the question.
  if (isNew) scheduleTimerTakeover({ kind: 'close-question', sessionId, index }, closeAt);
}
