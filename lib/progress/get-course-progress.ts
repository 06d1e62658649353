import { getDb } from '@/lib/db';
import type { Unit } from '@/lib/content/unit-schema';

/** A student's record on one exercise type, over every round and variant. */
export interface ExerciseProgress {
  typeId: string;
  /** Graded attempts stored (invalid answers are never stored as attempts). */
  attempts: number;
  /** Best score in [0, 1], null before the first attempt. */
  bestScore: number | null;
  /** At least one attempt graded fully correct. */
  isSolved: boolean;
}

/** What the unit pages and GET /api/units/[unitId]/progress show; safe to send to the student it belongs to. */
export interface UnitProgress {
  unitId: string;
  isRead: boolean;
  /** ISO time the student first marked the unit read. */
  readAt: string | null;
  exercises: ExerciseProgress[];
  solvedCount: number;
}

export interface GetCourseProgressOptions {
  userId: string;
  units: readonly Pick<Unit, 'id' | 'exercises'>[];
}

/**
 * Read flags and per-exercise best scores for the given units, for one student. Attempts are
 * written by the exercises feature; this only reads them, three queries whatever the unit count.
 */
export async function getCourseProgress({ userId, units }: GetCourseProgressOptions): Promise<Map<string, UnitProgress>> {
  const unitIds = units.map((unit) => unit.id);
  const typeIds = [...new Set(units.flatMap((unit) => unit.exercises))];
  const db = getDb();
  const [reads, totals, solved] = await Promise.all([
    db.unitProgress.findMany({ where: { userId, unitId: { in: unitIds } }, select: { unitId: true, readAt: true } }),
    db.attempt.groupBy({ by: ['typeId'], where: { userId, typeId: { in: typeIds } }, _max: { score: true }, _count: { _all: true } }),
    db.attempt.groupBy({ by: ['typeId'], where: { userId, typeId: { in: typeIds }, correct: true }, _count: { _all: true } }),
  ]);
  const readAt = new Map(reads.map((row) => [row.unitId, row.readAt]));
  const totalByType = new Map(totals.map((row) => [row.typeId, row]));
  const solvedTypes = new Set(solved.map((row) => row.typeId));

  const progress = new Map<string, UnitProgress>();
  for (const unit of units) {
    const exercises = unit.exercises.map((typeId): ExerciseProgress => {
      const total = totalByType.get(typeId);
      return { typeId, attempts: total?._count._all ?? 0, bestScore: total?._max.score ?? null, isSolved: solvedTypes.has(typeId) };
    });
    const read = readAt.get(unit.id);
    progress.set(unit.id, {
      unitId: unit.id,
      isRead: read !== undefined,
      readAt: read ? read.toISOString() : null,
      exercises,
      solvedCount: exercises.filter((exercise) => exercise.isSolved).length,
    });
  }
  return progress;
}
