import { exerciseTypes } from '@/engine/exercises';
import { getCourse } from '@/lib/content/get-course';
import type { Localized } from '@/lib/i18n/locales';

export interface OutlineExercise {
  typeId: string;
  title: Localized;
  difficulty: 1 | 2 | 3;
}

export interface OutlineUnit {
  unitId: string;
  order: number;
  title: Localized;
  exercises: OutlineExercise[];
}

/**
 * Units in course order, each with its exercise types: the ones its unit.json lists, then any other
 * type whose `unit` names it. Every known exercise type appears exactly once, so gradebook columns,
 * leaderboard totals and the dashboard add up the same way.
 */
export async function getCourseOutline(): Promise<OutlineUnit[]> {
  const { units } = await getCourse();
  const typeById = new Map(exerciseTypes.map((type) => [type.id, type]));
  const placed = new Set<string>();
  const toExercise = (typeId: string): OutlineExercise[] => {
    const type = typeById.get(typeId);
    if (!type || placed.has(typeId)) return [];
    placed.add(typeId);
    return [{ typeId, title: type.title, difficulty: type.difficulty }];
  };
  const outline: OutlineUnit[] = units.map((unit) => ({
    unitId: unit.id,
    order: unit.order,
    title: unit.title,
    exercises: [...unit.exercises, ...exerciseTypes.filter((type) => type.unit === unit.id).map((type) => type.id)].flatMap(toExercise),
  }));
  const unplaced = exerciseTypes.filter((type) => !placed.has(type.id)).flatMap((type) => toExercise(type.id));
  if (unplaced.length > 0) {
    outline.push({ unitId: 'other', order: outline.length + 1, title: { ko: '기타 연습문제', en: 'Other exercises' }, exercises: unplaced });
  }
  return outline;
}
