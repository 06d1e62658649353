import { getDb } from '@/lib/db';
import type { TExerciseScore } from '@/lib/exercises/schemas';

export interface ListExerciseScoresOptions {
  userId: string;
}

/** The student's best score and attempt count per exercise type they tried: the best attempt counts. */
export async function listExerciseScores({ userId }: ListExerciseScoresOptions): Promise<TExerciseScore[]> {
  const groups = await getDb().attempt.groupBy({
    by: ['typeId'],
    where: { userId },
    _max: { score: true },
    _count: { _all: true },
    orderBy: { typeId: 'asc' },
  });
  return groups.map((group) => {
    const bestScore = group._max.score ?? 0;
    // The grader marks an answer correct exactly when every cell is right, i.e. score 1.
    return { typeId: group.typeId, bestScore, attempts: group._count._all, isSolved: bestScore >= 1 };
  });
}
