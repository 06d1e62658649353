import { mistakeCatalogue, isMistakeId } from '@/engine/exercises';
import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { getCourseOutline, type OutlineUnit } from '@/lib/dashboard/get-course-outline';
import { findAttemptSummaries, type AttemptSummary } from '@/lib/gradebook/find-attempt-summaries';
import { findClassLiveResults, summarizeLivePlay, type ClassLiveSession, type LiveSummary } from '@/lib/gradebook/find-class-live-results';
import { compareText } from '@/lib/i18n/format';
import type { Localized } from '@/lib/i18n/locales';
import { findCourseGrades, type AssignmentColumn, type ExamColumn, type StudentCourseGrades } from '@/lib/course/gradebook/find-course-grades';

export interface GradebookCell {
  attempts: number;
  /** Best score in [0, 1]; null before the first attempt. */
  best: number | null;
  isSolved: boolean;
  /** The latest attempt, epoch milliseconds; null before the first attempt. */
  lastMs: number | null;
}

export interface GradebookRow {
  userId: string;
  name: string;
  email: string;
  nickname: string | null;
  cells: Record<string, GradebookCell>;
  /** Per unit: the mean of the best scores over the unit's exercises (unattempted count as 0), in [0, 1]. */
  unitScores: Record<string, number>;
  /** Sum of best scores over every exercise (one point per exercise). */
  total: number;
  solvedCount: number;
  attempts: number;
  lastActivityAt: Date | null;
  /** Live sessions of this class the student played, summed (guests are not students). */
  live: LiveSummary;
  /** Per published assignment (score after the late penalty, on time or late) and exam (status, points). */
  course: StudentCourseGrades;
}

export interface MistakeCount {
  mistakeId: string;
  count: number;
  /** The grader's explanation of the mistake; the id itself when the catalogue no longer has it. */
  text: Localized;
}

export interface ExerciseStats {
  typeId: string;
  attempts: number;
  /** Students with at least one attempt. */
  students: number;
  /** Mean score over all attempts, null without attempts. */
  meanScore: number | null;
  /** Mean of each attempting student's best score. */
  meanBest: number | null;
  solvedBy: number;
  /** The most frequent named mistakes, most frequent first (at most three). */
  topMistakes: MistakeCount[];
}

export interface Gradebook {
  classId: string;
  className: string;
  units: OutlineUnit[];
  rows: GradebookRow[];
  stats: ExerciseStats[];
  exerciseCount: number;
  /** The class's finished live sessions, newest first, with their final standings. */
  liveSessions: ClassLiveSession[];
  /** The class's published assignments (by due date) and exams (by opening time): one column each. */
  assignments: AssignmentColumn[];
  exams: ExamColumn[];
}

export interface GetGradebookOptions {
  actorId: string;
  classId: string;
}

const TOP_MISTAKES = 3;

/**
 * Students × exercises with best scores, and per-exercise statistics. Instructors only. Attempts
 * belong to students, not classes: a student's whole record shows, including work done before
 * joining or for another class.
 */
export async function getGradebook({ actorId, classId }: GetGradebookOptions): Promise<Gradebook> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  const db = getDb();
  const [found, units] = await Promise.all([
    db.class.findUniqueOrThrow({
      where: { id: classId },
      select: {
        name: true,
        memberships: { where: { role: 'STUDENT' }, select: { userId: true, nickname: true, user: { select: { name: true, email: true } } } },
      },
    }),
    getCourseOutline(),
  ]);
  const students = found.memberships;
  const userIds = students.map((student) => student.userId);
  const typeIds = units.flatMap((unit) => unit.exercises.map((exercise) => exercise.typeId));
  // Per (student, type) totals — the per-type attempt counts and mean scores are sums of them —
  // and one pass over the class's named mistakes (their own index).
  // The assignment columns start from the same per-(student, type) totals.
  const totals = findAttemptSummaries({ userIds });
  const [summaries, mistakes, liveSessions, courseGrades] = await Promise.all([
    totals,
    db.attempt.groupBy({ by: ['typeId', 'mistake'], where: { userId: { in: userIds }, mistake: { not: null } }, _count: { _all: true } }),
    findClassLiveResults(classId),
    findCourseGrades({ classId, userIds, totals }),
  ]);
  const scoreOf = new Map<string, { attempts: number; scoreSum: number }>();
  for (const summary of summaries) {
    const total = scoreOf.get(summary.typeId) ?? { attempts: 0, scoreSum: 0 };
    total.attempts += summary.attempts;
    total.scoreSum += summary.scoreSum;
    scoreOf.set(summary.typeId, total);
  }
  const livePlay = summarizeLivePlay(liveSessions);

  // Per student, per type: 500 × 18 lookups without building a string key for each.
  const summariesByStudent = new Map<string, Map<string, AttemptSummary>>();
  for (const summary of summaries) {
    const ofStudent = summariesByStudent.get(summary.userId) ?? new Map<string, AttemptSummary>();
    ofStudent.set(summary.typeId, summary);
    summariesByStudent.set(summary.userId, ofStudent);
  }
  const rows = students.map((student): GradebookRow => {
    const ofStudent = summariesByStudent.get(student.userId);
    const cells: Record<string, GradebookCell> = {};
    let total = 0;
    let solvedCount = 0;
    let attempts = 0;
    let lastMs = -Infinity;
    for (const typeId of typeIds) {
      const summary = ofStudent?.get(typeId);
      if (!summary) {
        cells[typeId] = { attempts: 0, best: null, isSolved: false, lastMs: null };
        continue;
      }
      cells[typeId] = { attempts: summary.attempts, best: summary.best, isSolved: summary.isSolved, lastMs: summary.lastMs };
      total += summary.best;
      solvedCount += summary.isSolved ? 1 : 0;
      attempts += summary.attempts;
      lastMs = Math.max(lastMs, summary.lastMs);
    }
    const unitScores: Record<string, number> = {};
    for (const unit of units) {
      let sum = 0;
      for (const exercise of unit.exercises) sum += cells[exercise.typeId].best ?? 0;
      unitScores[unit.unitId] = unit.exercises.length === 0 ? 0 : sum / unit.exercises.length;
    }
    return {
      userId: student.userId,
      name: student.user.name,
      email: student.user.email,
      nickname: student.nickname,
      cells,
      unitScores,
      total,
      solvedCount,
      attempts,
      lastActivityAt: lastMs === -Infinity ? null : new Date(lastMs),
      live: livePlay.get(student.userId) ?? { sessions: 0, points: 0, correct: 0, questions: 0 },
      course: courseGrades.byStudent.get(student.userId) ?? { assignments: {}, exams: {} },
    };
  });
  const byName = compareText('ko');
  rows.sort((a, b) => byName(a.name, b.name));

  const stats = typeIds.map((typeId): ExerciseStats => {
    const score = scoreOf.get(typeId);
    const bests = rows.flatMap((row) => {
      const best = row.cells[typeId].best;
      return best === null ? [] : [best];
    });
    const topMistakes = mistakes
      .filter((row) => row.typeId === typeId && row.mistake)
      .sort((a, b) => b._count._all - a._count._all || (a.mistake ?? '').localeCompare(b.mistake ?? ''))
      .slice(0, TOP_MISTAKES)
      .map((row) => describeMistake(row.mistake ?? '', row._count._all));
    return {
      typeId,
      attempts: score?.attempts ?? 0,
      students: bests.length,
      meanScore: score ? score.scoreSum / score.attempts : null,
      meanBest: bests.length === 0 ? null : bests.reduce((sum, best) => sum + best, 0) / bests.length,
      solvedBy: rows.filter((row) => row.cells[typeId].isSolved).length,
      topMistakes,
    };
  });

  return { classId, className: found.name, units, rows, stats, exerciseCount: typeIds.length, liveSessions, assignments: courseGrades.assignments, exams: courseGrades.exams };
}

function describeMistake(mistakeId: string, count: number): MistakeCount {
  const text = isMistakeId(mistakeId) ? mistakeCatalogue[mistakeId] : { ko: mistakeId, en: mistakeId };
  return { mistakeId, count, text };
}
