import { exerciseTypes, type ExerciseType } from '@/engine/exercises';
import { AppError } from '@/lib/errors';

const byId = new Map(exerciseTypes.map((type) => [type.id, type]));

/** The catalogue entry of an exercise type; 404 for an id the engine does not know. */
export function getExerciseType(typeId: string): ExerciseType {
  const type = byId.get(typeId);
  if (!type) throw new AppError('NOT_FOUND', `There is no exercise called “${typeId.slice(0, 64)}”.`);
  return type;
}
