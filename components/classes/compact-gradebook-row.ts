import type { GradebookRow } from '@/lib/gradebook/get-gradebook';
import type { LiveSummary } from '@/lib/gradebook/find-class-live-results';
import type { StudentCourseGrades } from '@/lib/course/gradebook/find-course-grades';

/**
 * One gradebook row as the browser gets it. The table sorts every student on the client, so all
 * rows travel in the page's server-component payload: per-exercise figures as arrays in column
 * order rather than an object per cell (a class of 500 sent ~1 MB of repeated keys), scores
 * rounded to what a sort can tell apart. No e-mail, no per-cell dates.
 */
export interface CompactGradebookRow {
  userId: string;
  name: string;
  total: number;
  solvedCount: number;
  lastActivityAt: string | null;
  /** Per unit, in the table's unit order: the mean best score in [0, 1]. */
  unitScores: number[];
  /** Per exercise, in the table's column order: best score in [0, 1], or -1 before the first attempt. */
  best: number[];
  attempts: number[];
  /** Per exercise: '1' solved, '0' not. */
  solved: string;
  live: LiveSummary;
  course: StudentCourseGrades;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function compactGradebookRow(row: GradebookRow, unitIds: readonly string[], typeIds: readonly string[]): CompactGradebookRow {
  return {
    userId: row.userId,
    name: row.name,
    total: round(row.total),
    solvedCount: row.solvedCount,
    lastActivityAt: row.lastActivityAt ? row.lastActivityAt.toISOString() : null,
    unitScores: unitIds.map((unitId) => round(row.unitScores[unitId] ?? 0)),
    best: typeIds.map((typeId) => {
      const best = row.cells[typeId]?.best;
      return best === null || best === undefined ? -1 : round(best);
    }),
    attempts: typeIds.map((typeId) => row.cells[typeId]?.attempts ?? 0),
    solved: typeIds.map((typeId) => (row.cells[typeId]?.isSolved ? '1' : '0')).join(''),
    live: row.live,
    course: row.course,
  };
}
