import type { Locale } from '@/lib/i18n/locales';

// "in 2 days", "3 hours ago": the largest whole unit, in the viewer's language.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function formatRelative(target: Date, now: Date, locale: Locale): string {
  const diff = target.getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(Math.trunc(diff / 1000), 'second');
}
