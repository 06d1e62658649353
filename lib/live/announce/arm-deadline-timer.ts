import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { endSessionAndAnnounce } from '@/lib/live/announce/end-session-and-announce';
import { armTimer } from '@/lib/live/announce/live-timers';
import { scheduleTimerTakeover } from '@/lib/live/announce/live-timer-jobs';

/**
 * Ends a self-paced session at its deadline (stored, so a restart re-arms it: rearmLiveTimers; and
 * a takeover job ends it from another process should this one die first).
 */
export function armDeadlineTimer(announce: LiveAnnouncer, sessionId: string, deadline: Date): void {
  if (armTimer(`${sessionId}:deadline`, deadline, () => endSessionAndAnnounce(announce, sessionId))) scheduleTimerTakeover({ kind: 'end-session', sessionId }, deadline);
}
