import Link from 'next/link';
import { fill } from '@/lib/i18n/fill';
import type { Locale, Localized } from '@/lib/i18n/locales';
import type { StudentPageInfo } from '@/lib/gradebook/student-table-view';

const TEXT = {
  range: { ko: '학생 {from}–{to} / {total}명', en: 'Students {from}–{to} of {total}' },
  previous: { ko: '← 이전', en: '← Previous' },
  next: { ko: '다음 →', en: 'Next →' },
} satisfies Record<string, Localized>;

export interface StudentPageLinksProps {
  info: StudentPageInfo;
  /** The URL of a page of the same view. */
  hrefOf: (page: number) => string;
  locale: Locale;
  label: string;
  testId: string;
}

/**
 * Previous / Next links and "Students 51–100 of 500" under a table paged on the server; nothing for
 * a single page. At the first or last page that side is a disabled-looking label, not a link.
 */
export function StudentPageLinks({ info, hrefOf, locale, label, testId }: StudentPageLinksProps) {
  if (info.pageCount <= 1) return null;
  const step = (page: number, text: string) =>
    page >= 1 && page <= info.pageCount ? (
      // No prefetch: each page is a fresh server render of the whole class; scroll stays where the pager is.
      <Link className="button secondary" href={hrefOf(page)} prefetch={false} scroll={false}>{text}</Link>
    ) : (
      <span className="button secondary" aria-disabled="true">{text}</span>
    );
  return (
    <nav className="button-row" aria-label={label} data-testid={testId}>
      {step(info.page - 1, TEXT.previous[locale])}
      <span aria-live="polite">{fill(TEXT.range[locale], { from: info.from, to: info.to, total: info.total })}</span>
      {step(info.page + 1, TEXT.next[locale])}
    </nav>
  );
}
