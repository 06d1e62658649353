import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { debounce } from '@/lib/live/announce/live-timers';
import { getPaceMeter } from '@/lib/live/views/get-pace-meter';

/** How often, at most, the host's pace meter is sent per session and process. */
export const PACE_METER_INTERVAL_MS = 300;

/**
 * After a pace signal: send the host's meter at most every PACE_METER_INTERVAL_MS per session
 * (one count query per interval, not one per tap). The meter is counted when the interval ends, so
 * it includes every tap stored until then; a tap stored while it is being counted arms the next
 * interval, so the host always ends up with the final state.
 */
export function schedulePaceMeter(announce: LiveAnnouncer, sessionId: string): void {
  debounce(`${sessionId}:pace`, PACE_METER_INTERVAL_MS, async () => {
    announce.pace(sessionId, await getPaceMeter(sessionId));
  });
}
