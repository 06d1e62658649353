import { describe, expect, it } from 'vitest';
import type { Gradebook, GradebookCell, GradebookRow } from '@/lib/gradebook/get-gradebook';
import { gradebookSortColumns, HIDE_EXERCISES, pageGradebook } from '@/lib/gradebook/page-gradebook';
import { STUDENT_PAGE_SIZE, sortKeyOf, studentTableHref, type SortColumn } from '@/lib/gradebook/student-table-view';

// A gradebook of 137 students whose every sortable figure is drawn first and kept in `truth`
// (null: nothing yet — no attempt, exam not ended, no activity); the rows are built from it. The
// tests read the pages back and check them against `truth`, not against the sort itself.

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const UNITS = [
  { unitId: 'u1', order: 1, title: { ko: '유닛 1', en: 'Unit 1' }, exercises: [{ typeId: 'rnn-step' }, { typeId: 'pooling' }] },
  { unitId: 'u2', order: 2, title: { ko: '유닛 2', en: 'Unit 2' }, exercises: [{ typeId: 'softmax' }] },
] as unknown as Gradebook['units'];
const ASSIGNMENTS = [{ id: 'hw1', title: 'HW 1', dueAt: new Date(0) }, { id: 'hw2', title: 'HW 2', dueAt: new Date(0) }];
const EXAMS = [{ id: 'mid', title: 'Midterm', totalPoints: 5, closesAt: new Date(0) }];
const STUDENTS = 137;
const NAMES = ['김민준', '이서연', 'Émile', 'Zoë', 'alice', 'Bob', '박지후', 'Ångström'];

function makeGradebook(seed: number) {
  const next = random(seed);
  const maybe = (value: number) => (next() < 0.25 ? null : value);
  const level = () => Math.floor(next() * 5) / 4;
  const truth = new Map<string, Map<string, number | null>>();
  const rows = Array.from({ length: STUDENTS }, (_, i): GradebookRow => {
    const userId = `user-${String(i).padStart(3, '0')}`;
    const figures = new Map<string, number | null>();
    const cells: Record<string, GradebookCell> = {};
    for (const typeId of ['rnn-step', 'pooling', 'softmax']) {
      const best = maybe(level());
      figures.set(`exercise:${typeId}`, best);
      cells[typeId] = { attempts: best === null ? 0 : 1 + Math.floor(next() * 4), best, isSolved: best === 1, lastMs: null };
    }
    const unitScores = { u1: ((cells['rnn-step'].best ?? 0) + (cells.pooling.best ?? 0)) / 2, u2: cells.softmax.best ?? 0 };
    figures.set('unit:u1', unitScores.u1);
    figures.set('unit:u2', unitScores.u2);
    const total = Object.values(cells).reduce((sum, cell) => sum + (cell.best ?? 0), 0);
    figures.set('total', total);
    const solvedCount = Object.values(cells).filter((cell) => cell.isSolved).length;
    figures.set('solved', solvedCount);
    const points = Math.floor(next() * 4) * 500;
    figures.set('live', points);
    const last = maybe(Math.floor(next() * 10) * 86_400_000);
    figures.set('last', last);
    const assignments: GradebookRow['course']['assignments'] = {};
    for (const { id } of ASSIGNMENTS) {
      const score = level();
      figures.set(`assignment:${id}`, score);
      assignments[id] = { score, isLate: false, status: score === 1 ? 'DONE' : 'IN_PROGRESS' };
    }
    const examScore = maybe(Math.floor(next() * 11) / 2);
    figures.set('exam:mid', examScore);
    truth.set(userId, figures);
    return {
      userId, name: NAMES[Math.floor(next() * NAMES.length)], email: `${userId}@example.com`, nickname: null, cells, unitScores, total, solvedCount,
      attempts: 0, lastActivityAt: last === null ? null : new Date(last), live: { sessions: points > 0 ? 1 : 0, points, correct: 0, questions: 0 },
      course: { assignments, exams: { mid: { status: examScore === null ? 'NOT_STARTED' : 'SUBMITTED', score: examScore } } },
    };
  });
  const gradebook: Gradebook = { classId: 'c1', className: 'C', units: UNITS, rows, stats: [], exerciseCount: 3, liveSessions: [], assignments: ASSIGNMENTS, exams: EXAMS };
  return { gradebook, truth };
}

/** Every page of a view, read through the links the pages themselves would give. */
function readAllPages(gradebook: Gradebook, params: Record<string, string>, locale: 'ko' | 'en') {
  const first = pageGradebook(gradebook, params, locale);
  const pages = [first];
  for (let page = 2; page <= first.info.pageCount; page++) {
    const href = studentTableHref('/g', { ...first.view, page });
    pages.push(pageGradebook(gradebook, Object.fromEntries(new URL(href, 'http://x').searchParams), locale));
  }
  return pages;
}

describe('pageGradebook', () => {
  const { gradebook, truth } = makeGradebook(42);
  const columns = gradebookSortColumns(gradebook);

  it('offers every column of the table: name, total, solved, units, exercises, live, assignments, exams, last activity', () => {
    expect(columns.map(sortKeyOf)).toEqual([
      'name', 'total', 'solved', 'unit:u1', 'unit:u2', 'exercise:rnn-step', 'exercise:pooling', 'exercise:softmax', 'live', 'assignment:hw1', 'assignment:hw2', 'exam:mid', 'last',
    ]);
  });

  for (const locale of ['ko', 'en'] as const) {
    it(`sorts every column across all pages, both ways (${locale}): figures in order, nothing-yet last when highest first, ties by name`, () => {
      const collator = new Intl.Collator(locale);
      for (const column of columns.filter((c: SortColumn) => c.kind !== 'name')) {
        for (const dir of ['desc', 'asc'] as const) {
          const pages = readAllPages(gradebook, { sort: sortKeyOf(column), dir }, locale);
          const rows = pages.flatMap((page) => page.rows);
          expect(rows.length).toBe(STUDENTS);
          expect(new Set(rows.map((row) => row.userId)).size).toBe(STUDENTS);
          expect(pages.every((page) => page.rows.length <= STUDENT_PAGE_SIZE)).toBe(true);
          const figure = (userId: string) => truth.get(userId)!.get(sortKeyOf(column)) ?? -Infinity;
          for (let i = 1; i < rows.length; i++) {
            const [a, b] = [rows[i - 1], rows[i]];
            const [fa, fb] = [figure(a.userId), figure(b.userId)];
            const context = `${sortKeyOf(column)} ${dir}: ${a.name} (${fa}) before ${b.name} (${fb})`;
            if (fa !== fb) expect(dir === 'desc' ? fa > fb : fa < fb, context).toBe(true);
            else expect(collator.compare(a.name, b.name) <= 0, context).toBe(true);
          }
        }
      }
    });
  }

  it('sorts by name A→Z by default and Z→A on request', () => {
    const collator = new Intl.Collator('ko');
    const ascending = readAllPages(gradebook, {}, 'ko').flatMap((page) => page.rows.map((row) => row.name));
    const descending = readAllPages(gradebook, { sort: 'name', dir: 'desc' }, 'ko').flatMap((page) => page.rows.map((row) => row.name));
    expect(ascending).toEqual([...gradebook.rows.map((row) => row.name)].sort(collator.compare));
    expect(descending).toEqual([...ascending].reverse());
  });

  it('shows rows 51–100 of the sorted class on page 2 of an assignment column', () => {
    const all = readAllPages(gradebook, { sort: 'assignment:hw2' }, 'en').flatMap((page) => page.rows);
    const second = pageGradebook(gradebook, { sort: 'assignment:hw2', page: '2' }, 'en');
    expect(second.rows).toEqual(all.slice(STUDENT_PAGE_SIZE, 2 * STUDENT_PAGE_SIZE));
    expect(second.info).toMatchObject({ page: 2, from: STUDENT_PAGE_SIZE + 1, to: 2 * STUDENT_PAGE_SIZE, total: STUDENTS });
    expect(second.view).toEqual({ column: { kind: 'assignment', id: 'hw2' }, isAscending: false, page: 2 });
  });

  it('shows the default view for a column the gradebook does not have, and the last page for a page past the end', () => {
    const fallback = pageGradebook(gradebook, { sort: 'assignment:deleted', dir: 'desc' }, 'en');
    expect(fallback.view.column).toEqual({ kind: 'name' });
    expect(fallback.rows).toEqual(pageGradebook(gradebook, {}, 'en').rows);
    const last = pageGradebook(gradebook, { page: '99' }, 'en');
    expect(last.info.page).toBe(Math.ceil(STUDENTS / STUDENT_PAGE_SIZE));
    expect(last.view.page).toBe(last.info.page);
  });

  it('hides the per-exercise columns only for exercises=hide', () => {
    expect(pageGradebook(gradebook, {}, 'en').isShowingExercises).toBe(true);
    expect(pageGradebook(gradebook, { exercises: HIDE_EXERCISES }, 'en').isShowingExercises).toBe(false);
    expect(pageGradebook(gradebook, { exercises: 'nonsense' }, 'en').isShowingExercises).toBe(true);
  });
});
