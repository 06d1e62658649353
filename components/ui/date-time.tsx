'use client';

import { useSyncExternalStore } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { formatDateFallback, formatDateTime, type DateStyle } from '@/lib/i18n/format';

// The one way a page shows a date. The server render and the hydration render show the same
// Intl-free UTC text; right after hydration the browser formats it in the viewer's language and
// time zone. No hydration mismatch, whatever the server's zone or ICU data.

const subscribe = () => () => {};

/** False on the server and during hydration, true afterwards. */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** A formatter for client components that need a date as a string (an <option>, an aria-label). */
export function useDateFormatter(locale: Locale): (value: Date | string | number | null | undefined, style?: DateStyle) => string {
  const isHydrated = useIsHydrated();
  return (value, style = 'datetime') => (isHydrated ? formatDateTime(value, locale, { style }) : formatDateFallback(value, style));
}

export interface DateTimeProps {
  value: Date | string | number | null | undefined;
  locale: Locale;
  style?: DateStyle;
  className?: string;
}

export function DateTime({ value, locale, style = 'datetime', className }: DateTimeProps) {
  const format = useDateFormatter(locale);
  if (value === null || value === undefined) return <span className={className}>—</span>;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  return (
    <time dateTime={date.toISOString()} className={className}>
      {format(date, style)}
    </time>
  );
}
