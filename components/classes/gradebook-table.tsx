'use client';

import Link from 'next/link';
import type { Locale, Localized } from '@/lib/i18n/locales';
import type { GradebookRow } from '@/lib/gradebook/get-gradebook';
import { HIDE_EXERCISES } from '@/lib/gradebook/page-gradebook';
import { sortKeyOf, studentTableHref, type SortColumn, type StudentPageInfo, type StudentTableView } from '@/lib/gradebook/student-table-view';
import type { AssignmentColumn, ExamColumn } from '@/lib/course/gradebook/find-course-grades';
import { STATUS_TEXT } from '@/lib/course/assignments/assignment-status-text';
import { EXAM_STATUS_TEXT } from '@/lib/course/exams/exam-status-text';
import type { OutlineUnit } from '@/lib/dashboard/get-course-outline';
import { formatCount, formatNumber, formatPercent } from '@/lib/i18n/format';
import { DateTime } from '@/components/ui/date-time';
import { SortHeading } from '@/components/ui/sort-heading';
import { StudentPageLinks } from '@/components/ui/student-page-links';
import { ExerciseColumnsToggle } from '@/components/classes/exercise-columns-toggle';
import styles from '@/components/classes/classes.module.css';

const TEXT = {
  caption: { ko: '학생별 최고 점수 (열 제목을 누르면 정렬됩니다)', en: 'Best scores per student (select a column heading to sort)' },
  name: { ko: '이름', en: 'Name' },
  total: { ko: '합계', en: 'Total' },
  solved: { ko: '해결', en: 'Solved' },
  last: { ko: '마지막 활동', en: 'Last activity' },
  live: { ko: '라이브 점수 (정답)', en: 'Live points (correct)' },
  showExercises: { ko: '문제별 열 보기', en: 'Show a column per exercise' },
  none: { ko: '아직 학생이 없습니다.', en: 'No students yet.' },
  late: { ko: '지각', en: 'late' },
  assignment: { ko: '과제', en: 'Assignment' },
  exam: { ko: '시험', en: 'Exam' },
  pages: { ko: '성적표 페이지', en: 'Gradebook pages' },
} satisfies Record<string, Localized>;

export interface GradebookTableProps {
  locale: Locale;
  classId: string;
  units: OutlineUnit[];
  /** The page's rows (pageGradebook: every student sorted on the server, 50 kept). */
  rows: GradebookRow[];
  view: StudentTableView;
  info: StudentPageInfo;
  /** Whether the per-exercise columns show (`?exercises=hide` hides them). */
  isShowingExercises: boolean;
  exerciseCount: number;
  /** Published assignments and exams: one column each after the live column. */
  assignments: AssignmentColumn[];
  exams: ExamColumn[];
}

/**
 * The server sorts and pages (the heading links and the pager navigate). A client component so the
 * page's payload carries the 50 rows as data, not as an element tree rendered a second time into HTML.
 */
export function GradebookTable({ locale, classId, units, rows, view, info, isShowingExercises, exerciseCount, assignments, exams }: GradebookTableProps) {
  const exercises = units.flatMap((unit) => unit.exercises);
  const solvedCell = `${styles.numeric} ${styles.solved}`;
  const path = `/classes/${classId}/gradebook`;
  const extra = { exercises: isShowingExercises ? undefined : HIDE_EXERCISES };
  const hrefOf = (next: StudentTableView) => studentTableHref(path, next, extra);
  const header = (column: SortColumn, label: string, className?: string) => (
    <SortHeading key={sortKeyOf(column)} view={view} column={column} hrefOf={hrefOf} label={label} className={className} />
  );

  if (info.total === 0) return <p className="muted">{TEXT.none[locale]}</p>;
  return (
    <>
      <ExerciseColumnsToggle
        isChecked={isShowingExercises}
        href={studentTableHref(path, view, { exercises: isShowingExercises ? HIDE_EXERCISES : undefined })}
        label={TEXT.showExercises[locale]}
      />
      {/* Outside the scrolling box: a <caption> is as wide as the table, so on a phone it was cut off at the screen's edge. */}
      <p id="gradebook-caption" className="muted">{TEXT.caption[locale]}</p>
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="gradebook-caption">
        <table aria-labelledby="gradebook-caption">
          <thead>
            <tr>
              {header({ kind: 'name' }, TEXT.name[locale], styles.sticky)}
              {header({ kind: 'total' }, `${TEXT.total[locale]} (/${exerciseCount})`, styles.numeric)}
              {header({ kind: 'solved' }, TEXT.solved[locale], styles.numeric)}
              {units.map((unit) => header({ kind: 'unit', id: unit.unitId }, `${unit.title[locale]} (%)`, styles.numeric))}
              {isShowingExercises && exercises.map((exercise) => header({ kind: 'exercise', id: exercise.typeId }, exercise.title[locale], styles.numeric))}
              {header({ kind: 'live' }, TEXT.live[locale], styles.numeric)}
              {assignments.map((assignment) => header({ kind: 'assignment', id: assignment.id }, `${TEXT.assignment[locale]}: ${assignment.title} (%)`, styles.numeric))}
              {exams.map((exam) => header({ kind: 'exam', id: exam.id }, `${TEXT.exam[locale]}: ${exam.title} (/${exam.totalPoints})`, styles.numeric))}
              {header({ kind: 'last' }, TEXT.last[locale])}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.userId}>
                <th scope="row" className={styles.sticky}>
                  <Link className="tap" href={`/classes/${classId}/students/${row.userId}`}>{row.name}</Link>
                </th>
                <td className={styles.numeric}>{row.total.toFixed(2)}</td>
                <td className={styles.numeric}>{row.solvedCount}</td>
                {units.map((unit) => (
                  <td key={unit.unitId} className={styles.numeric}>{formatPercent(row.unitScores[unit.unitId] ?? 0)}</td>
                ))}
                {isShowingExercises &&
                  exercises.map((exercise) => {
                    const cell = row.cells[exercise.typeId];
                    // One text per part: 50 rows × 18 exercises, and every extra text node is rendered twice (RSC, then HTML).
                    return (
                      <td key={exercise.typeId} className={cell?.isSolved ? solvedCell : styles.numeric}>
                        {formatPercent(cell?.best ?? null)}
                        {(cell?.attempts ?? 0) > 0 && <span className="muted">{` (${formatCount(cell.attempts, 'attempts', locale)})`}</span>}
                      </td>
                    );
                  })}
                <td className={styles.numeric} data-testid="live-total">
                  {row.live.sessions === 0 ? '—' : <>{`${row.live.points} `}<span className="muted">{`(${row.live.correct}/${row.live.questions})`}</span></>}
                </td>
                {assignments.map((assignment) => {
                  const grade = row.course.assignments[assignment.id];
                  return (
                    <td key={assignment.id} className={styles.numeric} data-assignment={assignment.id} data-status={grade?.status} title={grade ? STATUS_TEXT[grade.status][locale] : undefined}>
                      {formatPercent(grade?.score ?? null)}
                      {grade?.isLate && <span className="muted">{` (${TEXT.late[locale]})`}</span>}
                    </td>
                  );
                })}
                {exams.map((exam) => {
                  const grade = row.course.exams[exam.id];
                  return (
                    <td key={exam.id} className={styles.numeric} data-exam={exam.id} data-status={grade?.status}>
                      {grade?.score === null || grade?.score === undefined
                        ? <span className="muted">{grade ? EXAM_STATUS_TEXT[grade.status][locale] : '—'}</span>
                        : formatNumber(grade.score, locale, 1)}
                    </td>
                  );
                })}
                <td><DateTime value={row.lastActivityAt} locale={locale} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StudentPageLinks info={info} hrefOf={(page) => hrefOf({ ...view, page })} locale={locale} label={TEXT.pages[locale]} testId="gradebook-pager" />
    </>
  );
}

