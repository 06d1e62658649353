import type { Locale } from '@/lib/i18n/locales';

// The app's one way to show a date, a share and a count. Pages show dates through components/ui/date-time.tsx
// (the viewer's time zone, formatted in the browser, no hydration mismatch); these are the pure
// formatters underneath.

/** The BCP 47 tag each locale formats with (en-GB: "5 Dec 2026, 10:44", day before month). */
export const INTL_LOCALE: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/** `datetime`: date and time ("5 Dec 2026, 10:44"); `date`: the date alone ("5 December 2026"). */
export type DateStyle = 'datetime' | 'date';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'long' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function toDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface FormatDateOptions {
  style?: DateStyle;
  /** IANA zone, e.g. 'Asia/Seoul'; undefined = the zone of the machine running the code (the viewer's, in a browser). */
  timeZone?: string;
}

/**
 * A date (Date, ISO string or epoch ms) in the viewer's language; '—' for none or an invalid date.
 * Intl output depends on the ICU data of the engine (Node and Chromium differ for Korean), so
 * never render this on the server inside a page that hydrates: use <DateTime>.
 */
export function formatDateTime(value: Date | string | number | null | undefined, locale: Locale, { style = 'datetime', timeZone }: FormatDateOptions = {}): string {
  const date = toDate(value);
  if (!date) return '—';
  const key = `${locale}|${style}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...OPTIONS[style], timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/**
 * The same instant as plain ISO-like text in UTC ("2026-12-05 01:44 UTC"), built without Intl so the
 * server and every browser produce the same characters: what <DateTime> shows before hydration.
 */
export function formatDateFallback(value: Date | string | number | null | undefined, style: DateStyle = 'datetime'): string {
  const date = toDate(value);
  if (!date) return '—';
  const iso = date.toISOString();
  return style === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A share in [0, 1] as a percentage ("83%", or "83.3%" with one digit); '—' for none. */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const percent = value * 100;
  return `${digits === 0 ? Math.round(percent) : percent.toFixed(digits)}%`;
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A count or score with the locale's digit grouping ("12,345"), at most `digits` decimals; '—' for
 * none. Grouping of plain numbers is the same in Node's and Chromium's ICU, so it renders on the server.
 */
export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const key = `${locale}|${digits}`;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits });
    numberFormatters.set(key, formatter);
  }
  return formatter.format(value);
}

const collators = new Map<Locale, Intl.Collator>();

/**
 * Compares two texts in the locale's alphabetical order, for sorting names. One Intl.Collator per
 * locale: `a.localeCompare(b, locale)` sets one up on every call, which made sorting a class of
 * 500 by name (~4,500 comparisons) a visible share of the gradebook's render time.
 */
export function compareText(locale: Locale): (a: string, b: string) => number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator.compare;
}

const COUNT_NOUNS = {
  attempts: { ko: (count: number) => `${count}회 시도`, en: ['attempt', 'attempts'] },
  players: { ko: (count: number) => `참가자 ${count}명`, en: ['player', 'players'] },
  questions: { ko: (count: number) => `문제 ${count}개`, en: ['question', 'questions'] },
  students: { ko: (count: number) => `학생 ${count}명`, en: ['student', 'students'] },
} as const;

/** One for the process: building Intl.PluralRules per call cost ~10 ms a gradebook page (a count per cell). */
let englishPlurals: Intl.PluralRules | undefined;

/** "1 player", "2 players"; "참가자 2명", "문제 2개", "3회 시도". */
export function formatCount(count: number, noun: keyof typeof COUNT_NOUNS, locale: Locale): string {
  if (locale === 'ko') return COUNT_NOUNS[noun].ko(count);
  const [one, other] = COUNT_NOUNS[noun].en;
  englishPlurals ??= new Intl.PluralRules('en');
  return `${count} ${englishPlurals.select(count) === 'one' ? one : other}`;
}
