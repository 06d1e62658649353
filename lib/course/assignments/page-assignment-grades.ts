import type { ClassAssignments } from '@/lib/course/assignments/list-class-assignments';
import { pageRows, resolveStudentTableView, sortKeyOf, sortStudents, type SortColumn, type StudentPageInfo, type StudentTableView } from '@/lib/gradebook/student-table-view';
import type { Locale } from '@/lib/i18n/locales';

export interface AssignmentGradesPage {
  view: StudentTableView;
  info: StudentPageInfo;
  /** The page's students, in the view's order. */
  students: ClassAssignments['students'];
}

/** The assignments table's sortable columns: the name, then one per assignment (drafts too). */
export function assignmentSortColumns(data: Pick<ClassAssignments, 'assignments'>): SortColumn[] {
  return [{ kind: 'name' }, ...data.assignments.map((assignment): SortColumn => ({ kind: 'assignment', id: assignment.id }))];
}

/**
 * The page of the assignments table a request asks for (`?sort=assignment:<id>&dir=…&page=…`, the
 * gradebook's parameters): every student sorted by the name or an assignment's score after the late
 * penalty, one page kept.
 */
export function pageAssignmentGrades(data: ClassAssignments, searchParams: unknown, locale: Locale): AssignmentGradesPage {
  const view = resolveStudentTableView(searchParams, new Set(assignmentSortColumns(data).map(sortKeyOf)));
  const { column } = view;
  const valueOf = column.kind === 'assignment' ? (student: { userId: string }) => data.results[column.id]?.[student.userId]?.score ?? -1 : null;
  const { rows, info } = pageRows(sortStudents(data.students, { valueOf, isAscending: view.isAscending, locale }), view.page);
  return { view: { ...view, page: info.page }, info, students: rows };
}
