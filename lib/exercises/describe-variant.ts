import 'server-only';
import { generate, hints } from '@/engine/exercises';
import { getExerciseType } from '@/lib/exercises/get-exercise-type';

/**
 * What a page shows of one variant, shared by the student's variant and an instructor's preview:
 * the type's title, unit, difficulty and tolerance, the generated prompt, givens and answer shape,
 * and all of its hints (the caller decides how many to reveal). Never the expected answer.
 */
export function describeVariant(typeId: string, seed: number) {
  const type = getExerciseType(typeId);
  const exercise = generate(typeId, seed);
  const allHints = hints(typeId, seed);
  return {
    typeId,
    title: type.title,
    unit: type.unit,
    difficulty: type.difficulty,
    prompt: exercise.prompt,
    given: exercise.given,
    answer: exercise.answer,
    tolerance: type.tolerance.doc,
    allHints,
    hintCount: allHints.length,
  };
}
