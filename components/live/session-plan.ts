// The create form's question order: the exercise questions in their order, with each
// predict-then-train round placed among them by the instructor. Pure, so the order the form shows
// is the order it sends (and the order stored: LiveQuestion.index).

/** Where a round goes: before exercise question `n` (0 = first of all), or after the last one. */
export type RoundPlace = number | 'end';

export type PlanItem<E, R> = { kind: 'exercise'; item: E } | { kind: 'predict'; item: R };

/**
 * Merges `exercises` with `rounds` placed by `placeOf`: a round with place n comes right before
 * exercise n; 'end' (or a place past the last exercise, which a removed question can leave)
 * comes after all of them. Rounds with the same place keep their own order.
 */
export function orderPlan<E, R>(exercises: readonly E[], rounds: readonly R[], placeOf: (round: R) => RoundPlace): PlanItem<E, R>[] {
  const placeAt = (round: R) => {
    const place = placeOf(round);
    return place === 'end' ? exercises.length : Math.min(Math.max(0, Math.floor(place)), exercises.length);
  };
  const plan: PlanItem<E, R>[] = [];
  for (let n = 0; n <= exercises.length; n++) {
    for (const round of rounds) if (placeAt(round) === n) plan.push({ kind: 'predict', item: round });
    if (n < exercises.length) plan.push({ kind: 'exercise', item: exercises[n] });
  }
  return plan;
}
