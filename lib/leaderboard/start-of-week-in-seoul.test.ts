import { describe, expect, it } from 'vitest';
import { startOfWeekInSeoul } from '@/lib/leaderboard/start-of-week-in-seoul';

// Reference: the platform's time-zone database (Intl with Asia/Seoul), not our fixed offset.
const seoulParts = (date: Date) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Seoul',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value;
  return { weekday: get('weekday'), time: `${get('hour')}:${get('minute')}:${get('second')}` };
};

describe('startOfWeekInSeoul', () => {
  it('lands on Monday 00:00:00 Seoul time, at most 7 days before, for instants spread over 2020–2030', () => {
    let state = 12345;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const now = new Date(Date.UTC(2020, 0, 1) + random() * 10 * 365 * 24 * 3600 * 1000);
      const start = startOfWeekInSeoul(now);
      expect(seoulParts(start)).toEqual({ weekday: 'Mon', time: '00:00:00' });
      expect(start.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - start.getTime()).toBeLessThan(7 * 24 * 3600 * 1000);
    }
  });

  it('counts Sunday 23:30 UTC (Monday 08:30 in Seoul) as the new week', () => {
    const now = new Date('2025-03-09T23:30:00Z');
    expect(startOfWeekInSeoul(now).toISOString()).toBe('2025-03-09T15:00:00.000Z');
  });

  it('keeps Monday 00:00 Seoul itself in the week it starts', () => {
    const monday = new Date('2025-03-09T15:00:00Z');
    expect(startOfWeekInSeoul(monday).getTime()).toBe(monday.getTime());
    expect(startOfWeekInSeoul(new Date(monday.getTime() - 1)).toISOString()).toBe('2025-03-02T15:00:00.000Z');
  });
});
