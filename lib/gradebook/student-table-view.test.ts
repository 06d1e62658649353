import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  STUDENT_PAGE_SIZE,
  ariaSortOf,
  pageRows,
  resolveStudentTableView,
  sortKeyOf,
  sortStudents,
  sortedBy,
  studentTableHref,
  type SortColumn,
  type StudentTableView,
} from '@/lib/gradebook/student-table-view';

// A seeded generator, so a failure reproduces.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Names with Korean, accents, case and repeats (ties by name must fall back to the user id).
const NAMES = ['김민준', '이서연', 'Émile', 'emile', 'Zoë', 'alice', 'Alice', 'Bob', '박지후', 'Ångström', 'Øyvind', 'bob'];
interface Row {
  userId: string;
  name: string;
  score: number;
}
function makeRows(count: number, seed: number): Row[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => ({
    userId: `u${String(Math.floor(next() * 1e6)).padStart(6, '0')}${i}`,
    name: NAMES[Math.floor(next() * NAMES.length)],
    // Few distinct values, so ties by value are common.
    score: Math.floor(next() * 5) / 4,
  }));
}

/** The order the module promises, written out pairwise with its own collator: value in the direction, then name A→Z, then user id. */
function isInOrder(a: Row, b: Row, { byValue, isAscending, locale }: { byValue: boolean; isAscending: boolean; locale: 'ko' | 'en' }): boolean {
  const collator = new Intl.Collator(locale);
  const sign = isAscending ? 1 : -1;
  const primary = byValue ? Math.sign(a.score - b.score) * sign : Math.sign(collator.compare(a.name, b.name)) * sign;
  if (primary !== 0) return primary < 0;
  const byName = collator.compare(a.name, b.name);
  if (byName !== 0) return byName < 0;
  return a.userId < b.userId;
}

describe('sortStudents', () => {
  for (const locale of ['ko', 'en'] as const) {
    for (const byValue of [false, true]) {
      for (const isAscending of [true, false]) {
        it(`orders ${byValue ? 'by value' : 'by name'} ${isAscending ? 'ascending' : 'descending'} (${locale}), ties by name then user id, keeping every row once`, () => {
          const rows = makeRows(173, locale.length * 31 + Number(byValue) * 7 + Number(isAscending));
          const sorted = sortStudents(rows, { valueOf: byValue ? (row) => row.score : null, isAscending, locale });
          expect([...sorted].map((row) => row.userId).sort()).toEqual(rows.map((row) => row.userId).sort());
          for (let i = 1; i < sorted.length; i++) {
            expect(isInOrder(sorted[i - 1], sorted[i], { byValue, isAscending, locale }), `${JSON.stringify(sorted[i - 1])} before ${JSON.stringify(sorted[i])}`).toBe(true);
          }
        });
      }
    }
  }

  it('gives the same order whatever order the rows come in (the order is total)', () => {
    const rows = makeRows(120, 5);
    const reversed = [...rows].reverse();
    const options = { valueOf: (row: Row) => row.score, isAscending: false, locale: 'en' as const };
    expect(sortStudents(reversed, options)).toEqual(sortStudents(rows, options));
  });

  it('leaves its input alone', () => {
    const rows = makeRows(20, 9);
    const copy = rows.map((row) => ({ ...row }));
    sortStudents(rows, { valueOf: (row) => row.score, isAscending: true, locale: 'ko' });
    expect(rows).toEqual(copy);
  });
});

describe('pageRows', () => {
  const rows = Array.from({ length: 2 * STUDENT_PAGE_SIZE + 17 }, (_, i) => i + 1);
  const pageCount = Math.ceil(rows.length / STUDENT_PAGE_SIZE);

  it('cuts pages of STUDENT_PAGE_SIZE that together are every row once, in order', () => {
    const pages = Array.from({ length: pageCount }, (_, i) => pageRows(rows, i + 1));
    expect(pages.flatMap((page) => page.rows)).toEqual(rows);
    for (const [i, page] of pages.entries()) {
      expect(page.info).toEqual({
        page: i + 1,
        pageCount,
        total: rows.length,
        from: i * STUDENT_PAGE_SIZE + 1,
        to: Math.min((i + 1) * STUDENT_PAGE_SIZE, rows.length),
      });
    }
  });

  it('shows rows 51–100 on page 2', () => {
    const { rows: shown, info } = pageRows(rows, 2);
    expect(shown).toEqual(rows.slice(STUDENT_PAGE_SIZE, 2 * STUDENT_PAGE_SIZE));
    expect([info.from, info.to]).toEqual([STUDENT_PAGE_SIZE + 1, 2 * STUDENT_PAGE_SIZE]);
  });

  it('clamps a page past the end to the last page, and an empty list to one empty page', () => {
    expect(pageRows(rows, pageCount + 40)).toEqual(pageRows(rows, pageCount));
    expect(pageRows([], 3)).toEqual({ rows: [], info: { page: 1, pageCount: 1, total: 0, from: 0, to: 0 } });
  });
});

describe('resolveStudentTableView', () => {
  const columns: SortColumn[] = [
    { kind: 'name' },
    { kind: 'total' },
    { kind: 'last' },
    { kind: 'assignment', id: 'cmabc123_x-Y' },
    { kind: 'exercise', id: 'rnn-step' },
  ];
  const keys = new Set(columns.map(sortKeyOf));

  it('reads back every view it writes into a URL (sort, direction, page; defaults left out)', () => {
    for (const column of columns) {
      for (const isAscending of [true, false]) {
        for (const page of [1, 2, 7]) {
          const view: StudentTableView = { column, isAscending, page };
          const href = studentTableHref('/classes/c1/gradebook', view, { exercises: 'hide' });
          const url = new URL(href, 'http://localhost');
          expect(resolveStudentTableView(Object.fromEntries(url.searchParams), keys)).toEqual(view);
          expect(url.searchParams.get('exercises')).toBe('hide');
          expect(url.searchParams.has('page')).toBe(page > 1);
          expect(url.searchParams.has('dir')).toBe(isAscending !== (column.kind === 'name'));
        }
      }
    }
    expect(studentTableHref('/p', DEFAULT_VIEW)).toBe('/p');
  });

  it('starts names A→Z and scores highest first when no direction is given', () => {
    expect(resolveStudentTableView({ sort: 'name' }, keys).isAscending).toBe(true);
    expect(resolveStudentTableView({ sort: 'total' }, keys).isAscending).toBe(false);
    expect(resolveStudentTableView({ sort: 'assignment:cmabc123_x-Y' }, keys)).toEqual({ column: { kind: 'assignment', id: 'cmabc123_x-Y' }, isAscending: false, page: 1 });
  });

  it.each([
    ['an unknown column', { sort: 'bogus', dir: 'desc' }],
    ['a column this table does not have', { sort: 'solved', dir: 'desc' }],
    ['an id this table does not have', { sort: 'assignment:other', dir: 'asc' }],
    ['a keyed column without an id', { sort: 'assignment', dir: 'asc' }],
    ['a keyed column with an empty id', { sort: 'assignment:', dir: 'asc' }],
    ['an id with a control character', { sort: 'exercise:rnn-step\u0000', dir: 'asc' }],
    ['an id with another colon', { sort: 'exercise:rnn-step:x', dir: 'asc' }],
    ['an id that is too long', { sort: `assignment:${'a'.repeat(65)}` }],
    ['a repeated sort', { sort: ['total', 'name'] }],
    ['a fixed column with an id', { sort: 'total:x' }],
  ])('gives the default sort for %s', (_, params) => {
    const view = resolveStudentTableView(params, keys);
    expect(view.column).toEqual({ kind: 'name' });
    expect(view.isAscending).toBe(true);
  });

  it.each([['0'], ['-1'], ['1.5'], ['abc'], [''], ['1e9'], [['2', '3']]])('gives page 1 for page=%j', (page) => {
    expect(resolveStudentTableView({ sort: 'total', page }, keys)).toEqual({ column: { kind: 'total' }, isAscending: false, page: 1 });
  });

  it('keeps a valid column when only the direction is malformed', () => {
    expect(resolveStudentTableView({ sort: 'last', dir: 'sideways', page: '3' }, keys)).toEqual({ column: { kind: 'last' }, isAscending: false, page: 3 });
  });

  it('gives the default view for no params or something that is not an object', () => {
    expect(resolveStudentTableView({}, keys)).toEqual(DEFAULT_VIEW);
    expect(resolveStudentTableView(undefined, keys)).toEqual(DEFAULT_VIEW);
    expect(resolveStudentTableView('sort=total', keys)).toEqual(DEFAULT_VIEW);
  });
});

describe('heading links', () => {
  it('turns the sorted column around and starts another at its first direction on page 1', () => {
    const view: StudentTableView = { column: { kind: 'total' }, isAscending: false, page: 3 };
    expect(sortedBy(view, { kind: 'total' })).toEqual({ column: { kind: 'total' }, isAscending: true, page: 1 });
    expect(sortedBy(view, { kind: 'name' })).toEqual({ column: { kind: 'name' }, isAscending: true, page: 1 });
    expect(sortedBy(view, { kind: 'exam', id: 'e1' })).toEqual({ column: { kind: 'exam', id: 'e1' }, isAscending: false, page: 1 });
    expect(ariaSortOf(view, { kind: 'total' })).toBe('descending');
    expect(ariaSortOf(sortedBy(view, { kind: 'total' }), { kind: 'total' })).toBe('ascending');
    expect(ariaSortOf(view, { kind: 'exam', id: 'e1' })).toBe('none');
  });
});
