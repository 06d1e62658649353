// Korea Standard Time is UTC+9 all year (no daylight saving since 1988), so a fixed offset is exact.
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday 00:00 in Asia/Seoul of the week containing `now`, as an instant. */
export function startOfWeekInSeoul(now: Date): Date {
  const seoulClock = new Date(now.getTime() + KST_OFFSET_MS);
  const daysSinceMonday = (seoulClock.getUTCDay() + 6) % 7;
  const seoulMidnight = Date.UTC(seoulClock.getUTCFullYear(), seoulClock.getUTCMonth(), seoulClock.getUTCDate());
  return new Date(seoulMidnight - daysSinceMonday * DAY_MS - KST_OFFSET_MS);
}
