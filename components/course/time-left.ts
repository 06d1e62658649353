import type { Locale } from '@/lib/i18n/locales';

// "in 3 days", "in 47 hours", "5 minutes ago": whole units, rounded down, in the viewer's language.
// Days only from two days on, so 47 hours left never reads as "in 1 day".
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['day', 86_400_000, 2 * 86_400_000],
  ['hour', 3_600_000, 3_600_000],
  ['minute', 60_000, 60_000],
];

export function formatRelative(target: Date, now: Date, locale: Locale): string {
  const diff = target.getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { numeric: 'always' });
  for (const [unit, ms, from] of UNITS) {
    if (Math.abs(diff) >= from) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(Math.trunc(diff / 1000), 'second');
}
