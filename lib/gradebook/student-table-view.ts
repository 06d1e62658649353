import { z } from 'zod';
import { compareText } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { ZId } from '@/lib/validation/text';

// The students tables (the gradebook, the assignments table) sort and page on the server: the URL
// says which column, which way and which page (`?sort=assignment:<id>&dir=desc&page=2`), the server
// sorts every student and sends the 50 rows of that page. Sending all 500 rows of a big class to
// sort in the browser made the gradebook page's payload, not its data, the cost under load.
// Pure (no database): the pages parse, sort and page with it; the unit test checks it.

/** Rows drawn at once in a students table: a class of 500 draws 10 pages of 50, not 500 rows. */
export const STUDENT_PAGE_SIZE = 50;

/** Columns without an id. */
export const FIXED_SORT_COLUMNS = ['name', 'total', 'solved', 'live', 'last'] as const;
/** Columns keyed by the id of their unit, exercise type, assignment or exam: `sort=unit:<unitId>`. */
export const KEYED_SORT_COLUMNS = ['unit', 'exercise', 'assignment', 'exam'] as const;

export type SortColumn = { kind: (typeof FIXED_SORT_COLUMNS)[number] } | { kind: (typeof KEYED_SORT_COLUMNS)[number]; id: string };

const NAME: SortColumn = { kind: 'name' };

export const ZSortColumn = z.union([
  z.enum(FIXED_SORT_COLUMNS).transform((kind): SortColumn => ({ kind })),
  z
    .string()
    .max(100)
    .transform((value) => value.split(':'))
    .pipe(z.tuple([z.enum(KEYED_SORT_COLUMNS), ZId]))
    .transform(([kind, id]): SortColumn => ({ kind, id })),
]);

/**
 * The search params of a students table. Each one that is missing, repeated or malformed becomes
 * undefined (the default), so a hand-edited or stale URL shows the default view, never an error.
 */
export const ZStudentTableParams = z.object({
  sort: ZSortColumn.optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export interface StudentTableView {
  column: SortColumn;
  isAscending: boolean;
  /** 1-based, as requested; pageRows clamps it to the pages there are. */
  page: number;
}

export const DEFAULT_VIEW: StudentTableView = { column: NAME, isAscending: true, page: 1 };

/** The column as it stands in the URL: `total`, `assignment:<id>`. */
export function sortKeyOf(column: SortColumn): string {
  return 'id' in column ? `${column.kind}:${column.id}` : column.kind;
}

/** Names start A→Z; scores start highest first, which is what a teacher looks for. */
export function isAscendingFirst(column: SortColumn): boolean {
  return column.kind === 'name';
}

/**
 * The view a request asks for. `sortKeys`: the columns this table has (sortKeyOf); a column it
 * does not have (a deleted assignment, another class's exam) gives the default sort, and with it the
 * default direction.
 */
export function resolveStudentTableView(searchParams: unknown, sortKeys: ReadonlySet<string>): StudentTableView {
  const parsed = ZStudentTableParams.safeParse(searchParams);
  const params = parsed.success ? parsed.data : {};
  const page = params.page ?? 1;
  if (!params.sort || (params.sort.kind !== 'name' && !sortKeys.has(sortKeyOf(params.sort)))) return { ...DEFAULT_VIEW, page };
  const column = params.sort;
  return { column, isAscending: params.dir ? params.dir === 'asc' : isAscendingFirst(column), page };
}

export interface StudentRow {
  userId: string;
  name: string;
}

export interface SortStudentsOptions<Row> {
  /** The column's value (higher is better); null sorts by name. */
  valueOf: ((row: Row) => number) | null;
  isAscending: boolean;
  /** Names compare in the viewer's language (compareText). */
  locale: Locale;
}

/**
 * Every row in the view's order: by the value (or the name) in the view's direction, ties by name
 * A→Z, then by user id, so the order is total and a student never shows on two pages.
 */
export function sortStudents<Row extends StudentRow>(rows: readonly Row[], { valueOf, isAscending, locale }: SortStudentsOptions<Row>): Row[] {
  const byName = compareText(locale);
  const direction = isAscending ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: valueOf ? valueOf(row) : 0 }));
  keyed.sort(
    (a, b) =>
      (valueOf ? a.value - b.value : byName(a.row.name, b.row.name)) * direction ||
      byName(a.row.name, b.row.name) ||
      (a.row.userId < b.row.userId ? -1 : a.row.userId > b.row.userId ? 1 : 0),
  );
  return keyed.map(({ row }) => row);
}

export interface StudentPageInfo {
  /** 1-based, within 1..pageCount. */
  page: number;
  pageCount: number;
  total: number;
  /** 1-based positions of the page's first and last row (0 and 0 without rows). */
  from: number;
  to: number;
}

/** The rows of `page` (clamped: a page past the end shows the last one). */
export function pageRows<Row>(rows: readonly Row[], page: number): { rows: Row[]; info: StudentPageInfo } {
  const pageCount = Math.max(1, Math.ceil(rows.length / STUDENT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const shown = rows.slice((current - 1) * STUDENT_PAGE_SIZE, current * STUDENT_PAGE_SIZE);
  const from = shown.length === 0 ? 0 : (current - 1) * STUDENT_PAGE_SIZE + 1;
  return { rows: shown, info: { page: current, pageCount, total: rows.length, from, to: shown.length === 0 ? 0 : from + shown.length - 1 } };
}

/**
 * The URL of a view: defaults left out (`?sort=total&dir=desc` is just `?sort=total`), `extra`
 * params (the gradebook's column toggle) kept.
 */
export function studentTableHref(path: string, view: StudentTableView, extra: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  const isDefaultDirection = view.isAscending === isAscendingFirst(view.column);
  // A direction always comes with its column: `dir` alone (or with a broken `sort`) is ignored.
  if (view.column.kind !== 'name' || !isDefaultDirection) query.set('sort', sortKeyOf(view.column));
  if (!isDefaultDirection) query.set('dir', view.isAscending ? 'asc' : 'desc');
  if (view.page > 1) query.set('page', String(view.page));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) query.set(key, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** What a column heading links to: that column from the first page; the sorted column turns around. */
export function sortedBy(view: StudentTableView, column: SortColumn): StudentTableView {
  const isActive = sortKeyOf(view.column) === sortKeyOf(column);
  return { column, isAscending: isActive ? !view.isAscending : isAscendingFirst(column), page: 1 };
}

/** aria-sort of a column heading. */
export function ariaSortOf(view: StudentTableView, column: SortColumn): 'ascending' | 'descending' | 'none' {
  if (sortKeyOf(view.column) !== sortKeyOf(column)) return 'none';
  return view.isAscending ? 'ascending' : 'descending';
}
