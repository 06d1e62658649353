import type { Locale } from '@/lib/i18n/locales';

// Fixed to Seoul time so the server render and the browser agree (and the course runs in Korea).
const formatters = new Map<Locale, Intl.DateTimeFormat>();

export function formatDateTime(date: Date | string | null, locale: Locale): string {
  if (!date) return '—';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });
    formatters.set(locale, formatter);
  }
  return formatter.format(typeof date === 'string' ? new Date(date) : date);
}

export function formatPercent(score: number | null): string {
  return score === null ? '—' : `${Math.round(score * 100)}%`;
}
