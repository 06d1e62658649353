import 'server-only';
import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { masteryLevel, MASTERY_LEVELS, type MasteryLevel } from '@/lib/course/mastery/bkt';
import { getCourseOutline } from '@/lib/dashboard/get-course-outline';
import type { Localized } from '@/lib/i18n/locales';

export interface HeatmapSkill {
  typeId: string;
  title: Localized;
  unitId: string;
  /** Students per level, in MASTERY_LEVELS order. */
  levelCounts: Record<MasteryLevel, number>;
}

export interface HeatmapCell {
  pKnown: number | null;
  attempts: number;
  level: MasteryLevel;
}

export interface HeatmapRow {
  userId: string;
  name: string;
  /** One cell per skill, in the order of `skills`. */
  cells: HeatmapCell[];
}

export interface ClassMastery {
  skills: HeatmapSkill[];
  rows: HeatmapRow[];
}

/** Students × skills mastery of a class, for its instructors. Skills in course order, students by name. */
export async function getClassMastery({ actorId, classId }: { actorId: string; classId: string }): Promise<ClassMastery> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  const db = getDb();
  const [outline, members, rows] = await Promise.all([
    getCourseOutline(),
    db.membership.findMany({ where: { classId, role: 'STUDENT' }, select: { userId: true, user: { select: { name: true } } } }),
    db.skillMastery.findMany({
      where: { user: { memberships: { some: { classId, role: 'STUDENT' } } } },
      select: { userId: true, typeId: true, pKnown: true, attempts: true },
    }),
  ]);
  const byKey = new Map(rows.map((row) => [`${row.userId}\u0000${row.typeId}`, row]));
  const skillList = outline.flatMap((unit) => unit.exercises.map((exercise) => ({ typeId: exercise.typeId, title: exercise.title, unitId: unit.unitId })));
  const students = members.map((member) => ({ userId: member.userId, name: member.user.name })).sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));

  const heatmapRows = students.map((student): HeatmapRow => ({
    ...student,
    cells: skillList.map((skill) => {
      const found = byKey.get(`${student.userId}\u0000${skill.typeId}`);
      return { pKnown: found?.pKnown ?? null, attempts: found?.attempts ?? 0, level: masteryLevel(found?.pKnown ?? null, found?.attempts ?? 0) };
    }),
  }));
  const skills = skillList.map((skill, index): HeatmapSkill => {
    const levelCounts = Object.fromEntries(MASTERY_LEVELS.map((level) => [level, 0])) as Record<MasteryLevel, number>;
    for (const row of heatmapRows) levelCounts[row.cells[index].level] += 1;
    return { ...skill, levelCounts };
  });
  return { skills, rows: heatmapRows };
}
