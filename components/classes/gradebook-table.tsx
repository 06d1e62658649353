'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { Locale, Localized } from '@/lib/i18n/locales';
import type { CompactGradebookRow } from '@/components/classes/compact-gradebook-row';
import type { AssignmentColumn, ExamColumn } from '@/lib/course/gradebook/find-course-grades';
import { STATUS_TEXT } from '@/lib/course/assignments/assignment-status-text';
import { EXAM_STATUS_TEXT } from '@/lib/course/exams/exam-status-text';
import type { OutlineUnit } from '@/lib/dashboard/get-course-outline';
import { compareText, formatNumber, formatPercent } from '@/lib/i18n/format';
import { DateTime } from '@/components/ui/date-time';
import { StudentPager, useStudentPage } from '@/components/ui/student-pager';
import styles from '@/components/classes/classes.module.css';

const TEXT = {
  caption: { ko: '학생별 최고 점수 (열 제목을 누르면 정렬됩니다)', en: 'Best scores per student (select a column heading to sort)' },
  name: { ko: '이름', en: 'Name' },
  total: { ko: '합계', en: 'Total' },
  solved: { ko: '해결', en: 'Solved' },
  last: { ko: '마지막 활동', en: 'Last activity' },
  live: { ko: '라이브 점수 (정답)', en: 'Live points (correct)' },
  showExercises: { ko: '문제별 열 보기', en: 'Show a column per exercise' },
  attempts: { ko: '회 시도', en: ' attempts' },
  none: { ko: '아직 학생이 없습니다.', en: 'No students yet.' },
  late: { ko: '지각', en: 'late' },
  assignment: { ko: '과제', en: 'Assignment' },
  exam: { ko: '시험', en: 'Exam' },
  pages: { ko: '성적표 페이지', en: 'Gradebook pages' },
} satisfies Record<string, Localized>;

type SortKey =
  | { kind: 'name' | 'total' | 'solved' | 'last' | 'live' }
  | { kind: 'unit'; unitId: string }
  | { kind: 'exercise'; typeId: string }
  | { kind: 'assignment'; id: string }
  | { kind: 'exam'; id: string };

export interface GradebookTableProps {
  locale: Locale;
  classId: string;
  units: OutlineUnit[];
  /** Every student (compactGradebookRow, in the order of `units` and their exercises). */
  rows: CompactGradebookRow[];
  exerciseCount: number;
  /** Published assignments and exams: one column each after the live column. */
  assignments: AssignmentColumn[];
  exams: ExamColumn[];
}

/** Column positions of the unit and exercise sort keys in a compact row. */
interface ColumnIndex {
  unit: Map<string, number>;
  exercise: Map<string, number>;
}

function sortValue(row: CompactGradebookRow, key: SortKey, columns: ColumnIndex): number | string {
  switch (key.kind) {
    case 'name':
      return row.name;
    case 'total':
      return row.total;
    case 'solved':
      return row.solvedCount;
    case 'live':
      return row.live.points;
    case 'last':
      return row.lastActivityAt ? new Date(row.lastActivityAt).getTime() : -1;
    case 'unit':
      return row.unitScores[columns.unit.get(key.unitId) ?? -1] ?? 0;
    case 'exercise':
      return row.best[columns.exercise.get(key.typeId) ?? -1] ?? -1;
    case 'assignment':
      return row.course.assignments[key.id]?.score ?? -1;
    case 'exam':
      return row.course.exams[key.id]?.score ?? -1;
  }
}

export function GradebookTable({ locale, classId, units, rows, exerciseCount, assignments, exams }: GradebookTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; isAscending: boolean }>({ key: { kind: 'name' }, isAscending: true });
  const [isShowingExercises, setIsShowingExercises] = useState(true);

  const exercises = useMemo(() => units.flatMap((unit) => unit.exercises), [units]);
  const sorted = useMemo(() => {
    const columns: ColumnIndex = {
      unit: new Map(units.map((unit, index) => [unit.unitId, index])),
      exercise: new Map(exercises.map((exercise, index) => [exercise.typeId, index])),
    };
    const direction = sort.isAscending ? 1 : -1;
    const compare = compareText(locale);
    return [...rows].sort((a, b) => {
      const left = sortValue(a, sort.key, columns);
      const right = sortValue(b, sort.key, columns);
      const order = typeof left === 'string' && typeof right === 'string' ? compare(left, right) : Number(left) - Number(right);
      return order * direction || compare(a.name, b.name);
    });
  }, [rows, sort, locale, units, exercises]);
  // 50 students drawn at a time (a class of 500 was 500 rows × 30 cells); sorting covers every row.
  const pager = useStudentPage(sorted);

  const isSorted = (key: SortKey) => JSON.stringify(key) === JSON.stringify(sort.key);
  const header = (key: SortKey, label: string, className?: string) => {
    const active = isSorted(key);
    return (
      <th key={JSON.stringify(key)} scope="col" className={className} aria-sort={active ? (sort.isAscending ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className={styles.sortButton}
          // Names start A→Z; scores start highest first, which is what a teacher looks for.
          onClick={() => {
            setSort({ key, isAscending: active ? !sort.isAscending : key.kind === 'name' });
            pager.setPage(0);
          }}
        >
          {label} {active ? (sort.isAscending ? '▲' : '▼') : ''}
        </button>
      </th>
    );
  };

  if (rows.length === 0) return <p className="muted">{TEXT.none[locale]}</p>;
  return (
    <>
      <label style={{ fontWeight: 400 }}>
        <input type="checkbox" checked={isShowingExercises} onChange={(e) => setIsShowingExercises(e.target.checked)} />
        {TEXT.showExercises[locale]}
      </label>
      {/* Outside the scrolling box: a <caption> is as wide as the table, so on a phone it was cut off at the screen's edge. */}
      <p id="gradebook-caption" className="muted">{TEXT.caption[locale]}</p>
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="gradebook-caption">
        <table aria-labelledby="gradebook-caption">
          <thead>
            <tr>
              {header({ kind: 'name' }, TEXT.name[locale], styles.sticky)}
              {header({ kind: 'total' }, `${TEXT.total[locale]} (/${exerciseCount})`, styles.numeric)}
              {header({ kind: 'solved' }, TEXT.solved[locale], styles.numeric)}
              {units.map((unit) => header({ kind: 'unit', unitId: unit.unitId }, `${unit.title[locale]} (%)`, styles.numeric))}
              {isShowingExercises && exercises.map((exercise) => header({ kind: 'exercise', typeId: exercise.typeId }, exercise.title[locale], styles.numeric))}
              {header({ kind: 'live' }, TEXT.live[locale], styles.numeric)}
              {assignments.map((assignment) => header({ kind: 'assignment', id: assignment.id }, `${TEXT.assignment[locale]}: ${assignment.title} (%)`, styles.numeric))}
              {exams.map((exam) => header({ kind: 'exam', id: exam.id }, `${TEXT.exam[locale]}: ${exam.title} (/${exam.totalPoints})`, styles.numeric))}
              {header({ kind: 'last' }, TEXT.last[locale])}
            </tr>
          </thead>
          <tbody>
            {pager.shown.map((row) => (
              <tr key={row.userId}>
                <th scope="row" className={styles.sticky}>
                  <Link className="tap" href={`/classes/${classId}/students/${row.userId}`}>{row.name}</Link>
                </th>
                <td className={styles.numeric}>{row.total.toFixed(2)}</td>
                <td className={styles.numeric}>{row.solvedCount}</td>
                {units.map((unit, index) => (
                  <td key={unit.unitId} className={styles.numeric}>{formatPercent(row.unitScores[index] ?? 0)}</td>
                ))}
                {isShowingExercises &&
                  exercises.map((exercise, index) => {
                    const best = row.best[index] ?? -1;
                    const attempts = row.attempts[index] ?? 0;
                    return (
                      <td key={exercise.typeId} className={`${styles.numeric} ${row.solved[index] === '1' ? styles.solved : ''}`}>
                        {formatPercent(best < 0 ? null : best)}
                        {attempts > 0 && <span className="muted"> ({attempts}{TEXT.attempts[locale]})</span>}
                      </td>
                    );
                  })}
                <td className={styles.numeric} data-testid="live-total">
                  {row.live.sessions === 0 ? '—' : <>{row.live.points} <span className="muted">({row.live.correct}/{row.live.questions})</span></>}
                </td>
                {assignments.map((assignment) => {
                  const grade = row.course.assignments[assignment.id];
                  return (
                    <td key={assignment.id} className={styles.numeric} data-assignment={assignment.id} data-status={grade?.status} title={grade ? STATUS_TEXT[grade.status][locale] : undefined}>
                      {formatPercent(grade?.score ?? null)}
                      {grade?.isLate && <span className="muted"> ({TEXT.late[locale]})</span>}
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
      <StudentPager pager={pager} locale={locale} label={TEXT.pages[locale]} testId="gradebook-pager" />
    </>
  );
}

