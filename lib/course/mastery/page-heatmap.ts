import type { ClassMastery, HeatmapRow } from '@/lib/course/mastery/get-class-mastery';
import type { Locale } from '@/lib/i18n/locales';
import { pageRows, resolveStudentTableView, sortKeyOf, sortStudents, type SortColumn, type StudentPageInfo, type StudentTableView } from '@/lib/gradebook/student-table-view';

// The heatmap sorts and pages on the server like the gradebook (`?sort=exercise:<typeId>&dir=asc`):
// a skill's column sorts by P(known), so "who is weakest at convolution?" is one click (twice for
// lowest first). A student who has not started the skill sorts below every P.

/** The columns a heatmap view may sort by: the name, then each skill (an exercise type). */
export function heatmapSortColumns(mastery: Pick<ClassMastery, 'skills'>): SortColumn[] {
  return [{ kind: 'name' }, ...mastery.skills.map((skill): SortColumn => ({ kind: 'exercise', id: skill.typeId }))];
}

export interface HeatmapPage {
  view: StudentTableView;
  info: StudentPageInfo;
  /** The page's rows (at most STUDENT_PAGE_SIZE), in the view's order. */
  rows: HeatmapRow[];
}

/** The page of the heatmap a request asks for (`?sort=…&dir=…&page=…`): every student sorted, one page kept. */
export function pageHeatmap(mastery: ClassMastery, searchParams: unknown, locale: Locale): HeatmapPage {
  const view = resolveStudentTableView(searchParams, new Set(heatmapSortColumns(mastery).map(sortKeyOf)));
  const column = view.column;
  const index = column.kind === 'exercise' ? mastery.skills.findIndex((skill) => skill.typeId === column.id) : -1;
  const valueOf = index < 0 ? null : (row: HeatmapRow) => row.cells[index].pKnown ?? -1;
  const { rows, info } = pageRows(sortStudents(mastery.rows, { valueOf, isAscending: view.isAscending, locale }), view.page);
  return { view: { ...view, page: info.page }, info, rows };
}
