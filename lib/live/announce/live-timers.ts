import { getLogger } from '@/lib/log';

// In-process timers of the live feature. They are only a nudge: every deadline is stored in
// PostgreSQL and enforced on submit, each process arms timers for what it sees (and all open
// questions at boot), a pg-boss job takes a deadline over when the process that armed it died
// (live-timer-jobs.ts), and what a timer triggers is idempotent, so two processes firing the same
// timer, or a restart re-arming it, do no harm.

const globalForTimers = globalThis as unknown as { liveTimers?: Map<string, NodeJS.Timeout> };
const timers = (globalForTimers.liveTimers ??= new Map());

/** Runs `task` at `at` unless a timer with this key is already armed; true when this call armed it. */
export function armTimer(key: string, at: Date, task: () => Promise<void>): boolean {
  if (timers.has(key)) return false;
  const delay = Math.max(0, at.getTime() - Date.now());
  const timer = setTimeout(() => {
    timers.delete(key);
    task().catch((error: unknown) => getLogger().error({ err: error, key }, 'live timer task failed'));
  }, delay);
  timer.unref();
  timers.set(key, timer);
  return true;
}

/** Runs `task` once `delayMs` after the first call; later calls within the window join it. */
export function debounce(key: string, delayMs: number, task: () => Promise<void>): void {
  armTimer(`debounce:${key}`, new Date(Date.now() + delayMs), task);
}

export function clearTimers(prefix: string): void {
  for (const [key, timer] of timers) {
    if (!key.startsWith(prefix) && !key.startsWith(`debounce:${prefix}`)) continue;
    clearTimeout(timer);
    timers.delete(key);
  }
}

export function questionTimerKey(sessionId: string, index: number): string {
  return `${sessionId}:question:${index}`;
}
