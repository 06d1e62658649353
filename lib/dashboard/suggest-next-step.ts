export interface StepExercise {
  typeId: string;
  attempts: number;
  isSolved: boolean;
}

export interface StepUnit {
  unitId: string;
  isRead: boolean;
  exercises: StepExercise[];
}

export type NextStep =
  | { kind: 'read-unit'; unitId: string }
  | { kind: 'retry-exercise'; unitId: string; typeId: string }
  | { kind: 'start-exercise'; unitId: string; typeId: string }
  | { kind: 'done' };

/**
 * What to do next, following the course order: in the first unit not finished, read it first,
 * then return to an exercise already started but not solved, then start the next new one.
 */
export function suggestNextStep(units: readonly StepUnit[]): NextStep {
  for (const unit of units) {
    if (!unit.isRead) return { kind: 'read-unit', unitId: unit.unitId };
    const started = unit.exercises.find((exercise) => exercise.attempts > 0 && !exercise.isSolved);
    if (started) return { kind: 'retry-exercise', unitId: unit.unitId, typeId: started.typeId };
    const fresh = unit.exercises.find((exercise) => exercise.attempts === 0);
    if (fresh) return { kind: 'start-exercise', unitId: unit.unitId, typeId: fresh.typeId };
  }
  return { kind: 'done' };
}
