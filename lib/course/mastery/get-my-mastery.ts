import 'server-only';
import { getDb } from '@/lib/db';
import { masteryLevel, type MasteryLevel } from '@/lib/course/mastery/bkt';

export interface SkillMasteryView {
  typeId: string;
  /** P(known) in [0, 1]; null before the first graded attempt. */
  pKnown: number | null;
  attempts: number;
  level: MasteryLevel;
}

/** The student's own mastery of each skill they have attempted, keyed by exercise type id. */
export async function getMyMastery(userId: string): Promise<Map<string, SkillMasteryView>> {
  const rows = await getDb().skillMastery.findMany({ where: { userId }, select: { typeId: true, pKnown: true, attempts: true } });
  return new Map(rows.map((row) => [row.typeId, { ...row, level: masteryLevel(row.pKnown, row.attempts) }]));
}

/** Mastery of `typeIds` in that order, Not started for those without attempts. */
export function masteryOf(mastery: Map<string, SkillMasteryView>, typeIds: readonly string[]): SkillMasteryView[] {
  return typeIds.map((typeId) => mastery.get(typeId) ?? { typeId, pKnown: null, attempts: 0, level: 'NOT_STARTED' });
}
