'use client';

import { useState } from 'react';
import { fill } from '@/lib/i18n/fill';
import type { Locale } from '@/lib/i18n/locales';
import { STUDENT_PAGE_SIZE } from '@/lib/gradebook/student-table-view';
import { PAGER_TEXT as TEXT } from '@/components/ui/student-pager-text';

// Paging in the browser, for a table whose rows all travel anyway (the heatmap). The gradebook and
// the assignments table page on the server instead (student-page-links.tsx).

export interface StudentPage<T> {
  /** The rows of the current page. */
  shown: T[];
  page: number;
  pageCount: number;
  total: number;
  setPage: (page: number) => void;
}

/** The current page of `rows` (already in display order); a shrinking list keeps the page in range. */
export function useStudentPage<T>(rows: readonly T[]): StudentPage<T> {
  const [requested, setPage] = useState(0);
  const pageCount = Math.max(1, Math.ceil(rows.length / STUDENT_PAGE_SIZE));
  const page = Math.min(requested, pageCount - 1);
  return { shown: rows.slice(page * STUDENT_PAGE_SIZE, (page + 1) * STUDENT_PAGE_SIZE), page, pageCount, total: rows.length, setPage };
}

/** Previous / Next and "Students 51–100 of 500" under a students table; nothing for a single page. */
export function StudentPager<T>({ pager, locale, label, testId }: { pager: StudentPage<T>; locale: Locale; label: string; testId: string }) {
  const { page, pageCount, shown, total, setPage } = pager;
  if (pageCount <= 1) return null;
  const from = page * STUDENT_PAGE_SIZE + 1;
  return (
    <nav className="button-row" aria-label={label} data-testid={testId}>
      <button type="button" className="button secondary" onClick={() => setPage(page - 1)} disabled={page === 0}>{TEXT.previous[locale]}</button>
      <span aria-live="polite">{fill(TEXT.range[locale], { from, to: from + shown.length - 1, total })}</span>
      <button type="button" className="button secondary" onClick={() => setPage(page + 1)} disabled={page === pageCount - 1}>{TEXT.next[locale]}</button>
    </nav>
  );
}
