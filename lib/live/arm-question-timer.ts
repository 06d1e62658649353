import type { Namespace } from 'socket.io';
import { closeQuestionAndAnnounce } from '@/lib/live/close-question-and-announce';
import { armTimer, questionTimerKey } from '@/lib/live/live-timers';

/**
 * Closes the question a moment after its deadline. The grace lets an answer that arrived before
 * closesAt finish grading and storing; answers arriving after closesAt are refused on submit anyway.
 */
export const CLOSE_GRACE_MS = 500;

export function armQuestionTimer(io: Namespace, sessionId: string, index: number, closesAt: Date): void {
  armTimer(questionTimerKey(sessionId, index), new Date(closesAt.getTime() + CLOSE_GRACE_MS), async () => {
    await closeQuestionAndAnnounce(io, sessionId, index);
  });
}
