import { describe, expect, it } from 'vitest';
import { utcToZoned, zonedToUtc } from './zoned-time';

describe('zoned time', () => {
  it('reads a Seoul wall-clock time as nine hours earlier in UTC, to the second', () => {
    expect(zonedToUtc('2026-03-09T23:59:59', 'Asia/Seoul')?.toISOString()).toBe('2026-03-09T14:59:59.000Z');
    expect(zonedToUtc('2026-03-10T00:00', 'Asia/Seoul')?.toISOString()).toBe('2026-03-09T15:00:00.000Z');
  });

  it('follows daylight saving time in New York', () => {
    expect(zonedToUtc('2026-01-15T12:00', 'America/New_York')?.toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(zonedToUtc('2026-07-15T12:00', 'America/New_York')?.toISOString()).toBe('2026-07-15T16:00:00.000Z');
  });

  it('rejects malformed and impossible dates', () => {
    expect(zonedToUtc('2026-02-30T10:00', 'Asia/Seoul')).toBeNull();
    expect(zonedToUtc('tomorrow', 'Asia/Seoul')).toBeNull();
  });

  it('turns an instant back into the wall-clock time of the zone', () => {
    expect(utcToZoned(new Date('2026-03-09T14:59:59Z'), 'Asia/Seoul')).toBe('2026-03-09T23:59:59');
    expect(utcToZoned(new Date('2026-07-15T16:00:00Z'), 'America/New_York')).toBe('2026-07-15T12:00:00');
  });
});
