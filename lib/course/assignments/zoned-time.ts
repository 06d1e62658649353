// Wall-clock times in a class's time zone ↔ UTC instants, with Intl only (no date library is a
// dependency). An instructor types "2026-03-09T23:59" meaning Seoul time; the database stores UTC.

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
/** The same, with each field in its range (a form's check, before anything is sent). */
const LOCAL_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** The zone as Intl spells it ("asia/seoul" → "Asia/Seoul"); null when Intl does not know it. */
export function canonicalTimeZone(zone: string): string | null {
  if (zone.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Offset of `zone` from UTC at `instant`, in milliseconds (Seoul: +9 h). */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (instant - (instant % 1000));
}

/** `YYYY-MM-DDTHH:mm[:ss]` with seconds, so that two wall-clock times compare as strings; null when malformed. */
export function wallClock(local: string): string | null {
  if (!LOCAL_TIME.test(local)) return null;
  return local.length === 16 ? `${local}:00` : local;
}

/** The UTC instant of a wall-clock time `YYYY-MM-DDTHH:mm[:ss]` in `zone`; null when malformed. */
export function zonedToUtc(local: string, zone: string): Date | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1);
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return null;
  // Two passes settle the offset across a daylight-saving change.
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  return new Date(instant);
}

/** `YYYY-MM-DDTHH:mm:ss` wall-clock time of `instant` in `zone` (the value of a datetime-local input). */
export function utcToZoned(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime(), zone));
  return shifted.toISOString().slice(0, 19);
}
