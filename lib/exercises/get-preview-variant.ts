import 'server-only';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { describeVariant } from '@/lib/exercises/describe-variant';
import { getExerciseType } from '@/lib/exercises/get-exercise-type';
import type { TPreviewVariant } from '@/lib/exercises/schemas';

export interface GetPreviewVariantOptions {
  userId: string;
  typeId: string;
  seed: number;
}

/** Any seed of a type, for instructors (of at least one class) preparing or checking a class. */
export async function getPreviewVariant({ userId, typeId, seed }: GetPreviewVariantOptions): Promise<TPreviewVariant> {
  getExerciseType(typeId); // NOT_FOUND for an unknown type, before the role check
  const instructorOf = await getDb().membership.findFirst({ where: { userId, role: 'INSTRUCTOR' }, select: { id: true } });
  if (!instructorOf) throw new AppError('FORBIDDEN', 'Only instructors can open an exercise with a chosen seed.');
  const { allHints, ...variant } = describeVariant(typeId, seed);
  return {
    mode: 'preview',
    ...variant,
    hints: allHints,
    seed,
  };
}
