import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { endSessionAndAnnounce } from '@/lib/live/announce/end-session-and-announce';
import { armTimer } from '@/lib/live/announce/live-timers';

/** Ends a self-paced session at its deadline (stored, so a restart re-arms it: rearmLiveTimers). */
export function armDeadlineTimer(announce: LiveAnnouncer, sessionId: string, deadline: Date): void {
  armTimer(`${sessionId}:deadline`, deadline, () => endSessionAndAnnounce(announce, sessionId));
}
