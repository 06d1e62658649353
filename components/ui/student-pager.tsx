'use client';

import { useState } from 'react';
import { fill } from '@/lib/i18n/fill';
import type { Locale } from '@/lib/i18n/locales';
import { pageRows, type StudentPageInfo } from '@/lib/gradebook/student-table-view';
import { PAGER_TEXT as TEXT } from '@/components/ui/student-pager-text';

// Paging in the browser, for a table whose rows all travel anyway (the heatmap). The gradebook and
// the assignments table page on the server instead (student-page-links.tsx).

export interface StudentPage<T> {
  /** The rows of the current page. */
  shown: T[];
  info: StudentPageInfo;
  /** 1-based, as StudentPageInfo. */
  setPage: (page: number) => void;
}

/** The current page of `rows` (already in display order), by the server tables' own pageRows: a shrinking list keeps the page in range. */
export function useStudentPage<T>(rows: readonly T[]): StudentPage<T> {
  const [requested, setPage] = useState(1);
  const { rows: shown, info } = pageRows(rows, requested);
  return { shown, info, setPage };
}

/** Previous / Next and "Students 51–100 of 500" under a students table; nothing for a single page. */
export function StudentPager<T>({ pager, locale, label, testId }: { pager: StudentPage<T>; locale: Locale; label: string; testId: string }) {
  const { info, setPage } = pager;
  if (info.pageCount <= 1) return null;
  return (
    <nav className="button-row" aria-label={label} data-testid={testId}>
      <button type="button" className="button secondary" onClick={() => setPage(info.page - 1)} disabled={info.page === 1}>{TEXT.previous[locale]}</button>
      <span aria-live="polite">{fill(TEXT.range[locale], { from: info.from, to: info.to, total: info.total })}</span>
      <button type="button" className="button secondary" onClick={() => setPage(info.page + 1)} disabled={info.page === info.pageCount}>{TEXT.next[locale]}</button>
    </nav>
  );
}
