import 'server-only';
import { isMistakeId, mistakeCatalogue } from '@/engine/exercises';
import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import type { Localized } from '@/lib/i18n/locales';

export interface Misconception {
  mistakeId: string;
  typeId: string;
  /** The grader's explanation; the id itself when the catalogue no longer has it. */
  text: Localized;
  /** Distinct students of the class who made it at least once. */
  students: number;
  attempts: number;
  /** Attempts with this mistake in the last 7 days and in the 7 days before: the trend. */
  lastWeek: number;
  weekBefore: number;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Named mistakes of a class's students on any exercise, most widespread first. For instructors. */
export async function getClassMisconceptions({ actorId, classId, now = new Date() }: { actorId: string; classId: string; now?: Date }): Promise<Misconception[]> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  const lastWeekStart = new Date(now.getTime() - WEEK_MS);
  const weekBeforeStart = new Date(now.getTime() - 2 * WEEK_MS);
  const rows = await getDb().$queryRaw<{ mistake: string; typeId: string; students: number; attempts: number; lastWeek: number; weekBefore: number }[]>`
    SELECT a.mistake, a."typeId",
           COUNT(DISTINCT a."userId")::int AS students,
           COUNT(*)::int AS attempts,
           COUNT(*) FILTER (WHERE a."createdAt" > ${lastWeekStart})::int AS "lastWeek",
           COUNT(*) FILTER (WHERE a."createdAt" > ${weekBeforeStart} AND a."createdAt" <= ${lastWeekStart})::int AS "weekBefore"
      FROM "Attempt" a
      JOIN "Membership" m ON m."userId" = a."userId" AND m."classId" = ${classId} AND m.role = 'STUDENT'
     WHERE a.mistake IS NOT NULL
     GROUP BY a.mistake, a."typeId"
     ORDER BY students DESC, attempts DESC, a.mistake, a."typeId"`;
  return rows.map((row) => ({
    mistakeId: row.mistake,
    typeId: row.typeId,
    text: isMistakeId(row.mistake) ? mistakeCatalogue[row.mistake] : { ko: row.mistake, en: row.mistake },
    students: row.students,
    attempts: row.attempts,
    lastWeek: row.lastWeek,
    weekBefore: row.weekBefore,
  }));
}
