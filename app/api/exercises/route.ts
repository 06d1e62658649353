import { NextResponse } from 'next/server';
import { exerciseTypes } from '@/engine/exercises';
import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { listExerciseScores } from '@/lib/exercises/list-exercise-scores';

/** The catalogue of exercise types with the signed-in student's best score on each. */
export const GET = handleRoute(async () => {
  const user = await requireUser();
  const scores = new Map((await listExerciseScores({ userId: user.id })).map((score) => [score.typeId, score]));
  const exercises = exerciseTypes.map((type) => ({
    id: type.id,
    unit: type.unit,
    title: type.title,
    difficulty: type.difficulty,
    bestScore: scores.get(type.id)?.bestScore ?? null,
    attempts: scores.get(type.id)?.attempts ?? 0,
    isSolved: scores.get(type.id)?.isSolved ?? false,
  }));
  return NextResponse.json({ exercises });
});
