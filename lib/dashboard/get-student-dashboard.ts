import { getDb } from '@/lib/db';
import { listMyClasses, type MyClass } from '@/lib/classes/list-my-classes';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import { suggestNextStep, type NextStep } from '@/lib/dashboard/suggest-next-step';
import { findAttemptSummaries } from '@/lib/gradebook/find-attempt-summaries';
import type { Localized } from '@/lib/i18n/locales';

export interface DashboardExercise {
  typeId: string;
  title: Localized;
  difficulty: 1 | 2 | 3;
  attempts: number;
  /** Best score in [0, 1], null before the first attempt. */
  best: number | null;
  isSolved: boolean;
  lastAt: Date | null;
}

export interface DashboardUnit {
  unitId: string;
  order: number;
  title: Localized;
  isRead: boolean;
  exercises: DashboardExercise[];
  solvedCount: number;
  attempts: number;
  lastActivityAt: Date | null;
}

export interface StudentDashboard {
  classes: MyClass[];
  units: DashboardUnit[];
  nextStep: NextStep;
  totals: { exercises: number; solved: number; attempts: number; unitsRead: number };
}

/** The signed-in user's own progress: per unit and exercise, their classes, and what to do next. */
export async function getStudentDashboard(userId: string): Promise<StudentDashboard> {
  const db = getDb();
  const [classes, outline, summaries, reads] = await Promise.all([
    listMyClasses(userId),
    getCourseOutline(),
    findAttemptSummaries({ userIds: [userId] }),
    db.unitProgress.findMany({ where: { userId }, select: { unitId: true } }),
  ]);
  const summaryOf = new Map(summaries.map((summary) => [summary.typeId, summary]));
  const readUnits = new Set(reads.map((read) => read.unitId));

  const units = outline.map((unit): DashboardUnit => {
    const exercises = unit.exercises.map((exercise): DashboardExercise => {
      const summary = summaryOf.get(exercise.typeId);
      return {
        ...exercise,
        attempts: summary?.attempts ?? 0,
        best: summary?.best ?? null,
        isSolved: summary?.isSolved ?? false,
        lastAt: summary ? new Date(summary.lastMs) : null,
      };
    });
    const times = exercises.flatMap((exercise) => (exercise.lastAt ? [exercise.lastAt.getTime()] : []));
    return {
      unitId: unit.unitId,
      order: unit.order,
      title: unit.title,
      // The "other exercises" group has no text to read.
      isRead: readUnits.has(unit.unitId) || unit.unitId === 'other',
      exercises,
      solvedCount: exercises.filter((exercise) => exercise.isSolved).length,
      attempts: exercises.reduce((sum, exercise) => sum + exercise.attempts, 0),
      lastActivityAt: times.length > 0 ? new Date(Math.max(...times)) : null,
    };
  });

  return {
    classes,
    units,
    nextStep: suggestNextStep(units),
    totals: {
      exercises: units.reduce((sum, unit) => sum + unit.exercises.length, 0),
      solved: units.reduce((sum, unit) => sum + unit.solvedCount, 0),
      attempts: units.reduce((sum, unit) => sum + unit.attempts, 0),
      unitsRead: units.filter((unit) => unit.unitId !== 'other' && unit.isRead).length,
    },
  };
}
