import 'server-only';
import { generate, hints } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getExerciseType } from '@/lib/exercises/get-exercise-type';
import type { TPreviewVariant } from '@/lib/exercises/schemas';

export interface GetPreviewVariantOptions {
  userId: string;
  typeId: string;
  seed: number;
}

/** Any seed of a type, for instructors (of at least one class) preparing or checking a class. */
export async function getPreviewVariant({ userId, typeId, seed }: GetPreviewVariantOptions): Promise<TPreviewVariant> {
  const type = getExerciseType(typeId);
  const instructorOf = await getDb().membership.findFirst({ where: { userId, role: 'INSTRUCTOR' }, select: { id: true } });
  if (!instructorOf) throw new AppError('FORBIDDEN', 'Only instructors can open an exercise with a chosen seed.');
  const exercise = generate(typeId, seed);
  const allHints = hints(typeId, seed);
  return {
    mode: 'preview',
    typeId,
    title: type.title,
    unit: type.unit,
    difficulty: type.difficulty,
    prompt: exercise.prompt,
    given: exercise.given,
    answer: exercise.answer,
    tolerance: type.tolerance.doc,
    hints: allHints,
    hintCount: allHints.length,
    seed,
  };
}
