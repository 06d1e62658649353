import 'server-only';
import { exerciseTypeIds, generate, isMistakeId, mistakeCatalogue } from '@/engine/exercises';
import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import type { Localized } from '@/lib/i18n/locales';
import { summarizeItems, type ItemStats, type VariantRow } from '@/lib/course/stats/summarize-items';

export type StatsScope = 'class' | 'all';

export interface MistakeStat {
  mistakeId: string;
  text: Localized;
  attempts: number;
  students: number;
}

export interface QuestionStats extends ItemStats {
  topMistakes: MistakeStat[];
}

export interface QuestionStatsReport {
  scope: StatsScope;
  /** Students counted: the class's, or those of every class the instructor teaches. */
  studentCount: number;
  items: QuestionStats[];
}

/** Parameters are read from at most this many most recent variants per type (generate() runs the engine). */
const MAX_VARIANTS_FOR_PARAMETERS = 3000;

/** Scalar values of a variant's given numbers: the knobs that make one variant harder than another. */
function scalarParams(typeId: string, seed: number): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(generate(typeId, seed).given)) {
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') params[key] = value;
  }
  return params;
}

/**
 * Per exercise type: attempts, students, mean score, first-try success, mean attempts to solve,
 * discrimination, top named mistakes and the variant parameters that fail most often — over the
 * students of one class, or of every class the actor teaches (scope 'all'). Instructors only.
 */
export async function getQuestionStats({ actorId, classId, scope }: { actorId: string; classId: string; scope: StatsScope }): Promise<QuestionStatsReport> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  const db = getDb();
  const members = await db.membership.findMany({
    where: scope === 'class' ? { classId, role: 'STUDENT' } : { role: 'STUDENT', class: { memberships: { some: { userId: actorId, role: 'INSTRUCTOR' } } } },
    select: { userId: true },
    distinct: ['userId'],
  });
  const userIds = members.map((m) => m.userId);
  if (userIds.length === 0) return { scope, studentCount: 0, items: summarizeItems(exerciseTypeIds, []).map((item) => ({ ...item, topMistakes: [] })) };

  const [variantRows, mistakeRows] = await Promise.all([
    db.$queryRaw<{ userId: string; typeId: string; round: number; seed: bigint; attempts: number; scoreSum: number; best: number; isFirstCorrect: boolean; isSolved: boolean; lastAt: Date }[]>`
      SELECT a."userId", a."typeId", a.round, MIN(a.seed) AS seed,
             COUNT(*)::int AS attempts, SUM(a.score)::float8 AS "scoreSum", MAX(a.score)::float8 AS best,
             (array_agg(a.correct ORDER BY a."createdAt"))[1] AS "isFirstCorrect",
             bool_or(a.correct) AS "isSolved", MAX(a."createdAt") AS "lastAt"
        FROM "Attempt" a
       WHERE a."userId" = ANY(${userIds})
       GROUP BY a."userId", a."typeId", a.round`,
    db.$queryRaw<{ typeId: string; mistake: string; attempts: number; students: number }[]>`
      SELECT a."typeId", a.mistake, COUNT(*)::int AS attempts, COUNT(DISTINCT a."userId")::int AS students
        FROM "Attempt" a
       WHERE a."userId" = ANY(${userIds}) AND a.mistake IS NOT NULL
       GROUP BY a."typeId", a.mistake`,
  ]);

  const recentByType = new Map<string, typeof variantRows>();
  for (const row of variantRows) (recentByType.get(row.typeId) ?? recentByType.set(row.typeId, []).get(row.typeId))?.push(row);
  const withParams = new Set<(typeof variantRows)[number]>();
  for (const rows of recentByType.values()) {
    rows.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime()).slice(0, MAX_VARIANTS_FOR_PARAMETERS).forEach((row) => withParams.add(row));
  }
  const variants: VariantRow[] = variantRows.map((row) => ({
    userId: row.userId,
    typeId: row.typeId,
    attempts: row.attempts,
    scoreSum: row.scoreSum,
    best: row.best,
    isFirstCorrect: row.isFirstCorrect,
    isSolved: row.isSolved,
    params: withParams.has(row) && exerciseTypeIds.includes(row.typeId) ? scalarParams(row.typeId, Number(row.seed)) : undefined,
  }));

  const items = summarizeItems(exerciseTypeIds, variants).map((item): QuestionStats => ({
    ...item,
    topMistakes: mistakeRows
      .filter((row) => row.typeId === item.typeId)
      .sort((a, b) => b.attempts - a.attempts || a.mistake.localeCompare(b.mistake))
      .slice(0, 3)
      .map((row) => ({ mistakeId: row.mistake, attempts: row.attempts, students: row.students, text: isMistakeId(row.mistake) ? mistakeCatalogue[row.mistake] : { ko: row.mistake, en: row.mistake } })),
  }));
  return { scope, studentCount: userIds.length, items };
}
