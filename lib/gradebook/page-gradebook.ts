import { z } from 'zod';
import type { Gradebook, GradebookRow } from '@/lib/gradebook/get-gradebook';
import type { Locale } from '@/lib/i18n/locales';
import { pageRows, resolveStudentTableView, sortKeyOf, sortStudents, type SortColumn, type StudentPageInfo, type StudentTableView } from '@/lib/gradebook/student-table-view';

/** The columns of a gradebook a view may sort by (sortKeyOf), in the table's order. */
export function gradebookSortColumns(gradebook: Pick<Gradebook, 'units' | 'assignments' | 'exams'>): SortColumn[] {
  return [
    { kind: 'name' },
    { kind: 'total' },
    { kind: 'solved' },
    ...gradebook.units.map((unit): SortColumn => ({ kind: 'unit', id: unit.unitId })),
    ...gradebook.units.flatMap((unit) => unit.exercises.map((exercise): SortColumn => ({ kind: 'exercise', id: exercise.typeId }))),
    { kind: 'live' },
    ...gradebook.assignments.map((assignment): SortColumn => ({ kind: 'assignment', id: assignment.id })),
    ...gradebook.exams.map((exam): SortColumn => ({ kind: 'exam', id: exam.id })),
    { kind: 'last' },
  ];
}

/**
 * A row's value in a column, higher is better: a missing score (no attempt yet, an exam not ended,
 * no activity) sorts below every real one. Null for the name column.
 */
export function gradebookValueOf(column: SortColumn): ((row: GradebookRow) => number) | null {
  switch (column.kind) {
    case 'name':
      return null;
    case 'total':
      return (row) => row.total;
    case 'solved':
      return (row) => row.solvedCount;
    case 'live':
      return (row) => row.live.points;
    case 'last':
      return (row) => row.lastActivityAt?.getTime() ?? -1;
    case 'unit':
      return (row) => row.unitScores[column.id] ?? 0;
    case 'exercise':
      return (row) => row.cells[column.id]?.best ?? -1;
    case 'assignment':
      return (row) => row.course.assignments[column.id]?.score ?? -1;
    case 'exam':
      return (row) => row.course.exams[column.id]?.score ?? -1;
  }
}

/** `?exercises=hide` hides the per-exercise columns (the "Show a column per exercise" box unticked). */
export const HIDE_EXERCISES = 'hide';
const ZGradebookColumnsParam = z.object({ exercises: z.literal(HIDE_EXERCISES).optional().catch(undefined) });

export interface GradebookPage {
  view: StudentTableView;
  isShowingExercises: boolean;
  info: StudentPageInfo;
  /** The page's rows (at most STUDENT_PAGE_SIZE), in the view's order. */
  rows: GradebookRow[];
}

/** The page of the gradebook a request asks for (`?sort=…&dir=…&page=…`): every student sorted, one page kept. */
export function pageGradebook(gradebook: Gradebook, searchParams: unknown, locale: Locale): GradebookPage {
  const view = resolveStudentTableView(searchParams, new Set(gradebookSortColumns(gradebook).map(sortKeyOf)));
  const sorted = sortStudents(gradebook.rows, { valueOf: gradebookValueOf(view.column), isAscending: view.isAscending, locale });
  const { rows, info } = pageRows(sorted, view.page);
  const isShowingExercises = ZGradebookColumnsParam.safeParse(searchParams).data?.exercises !== HIDE_EXERCISES;
  return { view: { ...view, page: info.page }, isShowingExercises, info, rows };
}
