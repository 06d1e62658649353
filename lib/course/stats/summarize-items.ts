// Question statistics from per-variant rows: pure, so each figure is tested against hand-computed
// values. A variant is one (student, type, round): one seed, up to three attempts.

export interface VariantRow {
  userId: string;
  typeId: string;
  attempts: number;
  scoreSum: number;
  best: number;
  isFirstCorrect: boolean;
  isSolved: boolean;
  /** Scalar parameters of the variant (`generate(typeId, seed).given`), when known. */
  params?: Record<string, string | number | boolean>;
}

export interface ParameterFailure {
  /** e.g. "stride=2" or "stride=2, padding=1". */
  condition: string;
  variants: number;
  /** Share of these variants whose first attempt was wrong. */
  failureRate: number;
  /** failureRate / the type's overall first-try failure rate (1 = as often as any variant). */
  ratio: number;
}

export interface ItemStats {
  typeId: string;
  attempts: number;
  students: number;
  variants: number;
  meanScore: number | null;
  firstTrySuccess: number | null;
  /** Over solved variants: attempts used (a right answer ends the variant). */
  meanAttemptsToSolve: number | null;
  /** Pearson r of the student's best score on this type with their summed best over the other types; null under 3 students or without variance. */
  discrimination: number | null;
  hardestConditions: ParameterFailure[];
}

export const MIN_VARIANTS_PER_CONDITION = 5;
const MAX_DISTINCT_VALUES = 6;

export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Conditions (one parameter, or a pair of parameters) whose variants fail first try most often relative to all. */
export function hardestConditions(variants: readonly VariantRow[], limit = 5): ParameterFailure[] {
  const withParams = variants.filter((v) => v.params);
  if (withParams.length === 0) return [];
  const overall = withParams.filter((v) => !v.isFirstCorrect).length / withParams.length;
  if (overall === 0) return [];
  const values = new Map<string, Set<string>>();
  for (const v of withParams) for (const [key, value] of Object.entries(v.params ?? {})) (values.get(key) ?? values.set(key, new Set()).get(key))?.add(String(value));
  // Only parameters with few distinct values describe a kind of variant (stride, padding, reduction).
  const keys = [...values.entries()].filter(([, set]) => set.size > 1 && set.size <= MAX_DISTINCT_VALUES).map(([key]) => key).sort();
  const groups = new Map<string, { variants: number; failed: number }>();
  const add = (condition: string, failed: boolean) => {
    const group = groups.get(condition) ?? { variants: 0, failed: 0 };
    group.variants += 1;
    if (failed) group.failed += 1;
    groups.set(condition, group);
  };
  for (const v of withParams) {
    const params = v.params ?? {};
    const present = keys.filter((key) => key in params);
    for (const [i, a] of present.entries()) {
      add(`${a}=${params[a]}`, !v.isFirstCorrect);
      for (const b of present.slice(i + 1)) add(`${a}=${params[a]}, ${b}=${params[b]}`, !v.isFirstCorrect);
    }
  }
  return [...groups.entries()]
    .filter(([, g]) => g.variants >= MIN_VARIANTS_PER_CONDITION)
    .map(([condition, g]) => ({ condition, variants: g.variants, failureRate: g.failed / g.variants, ratio: g.failed / g.variants / overall }))
    .filter((c) => c.ratio > 1)
    .sort((a, b) => b.ratio - a.ratio || b.variants - a.variants || a.condition.split(',').length - b.condition.split(',').length || a.condition.localeCompare(b.condition))
    .slice(0, limit);
}

/** Per type statistics over the given variants (all students of the scope). */
export function summarizeItems(typeIds: readonly string[], variants: readonly VariantRow[]): ItemStats[] {
  // Best score per (student, type), for the item-total correlation.
  const best = new Map<string, Map<string, number>>();
  for (const v of variants) {
    const perType = best.get(v.userId) ?? best.set(v.userId, new Map()).get(v.userId);
    perType?.set(v.typeId, Math.max(perType.get(v.typeId) ?? 0, v.best));
  }
  const totalOf = (userId: string) => [...(best.get(userId)?.values() ?? [])].reduce((a, b) => a + b, 0);

  return typeIds.map((typeId): ItemStats => {
    const own = variants.filter((v) => v.typeId === typeId);
    const attempts = own.reduce((sum, v) => sum + v.attempts, 0);
    const solved = own.filter((v) => v.isSolved);
    const students = [...new Set(own.map((v) => v.userId))];
    const itemScores = students.map((userId) => best.get(userId)?.get(typeId) ?? 0);
    const restScores = students.map((userId, i) => totalOf(userId) - itemScores[i]);
    return {
      typeId,
      attempts,
      students: students.length,
      variants: own.length,
      meanScore: attempts === 0 ? null : own.reduce((sum, v) => sum + v.scoreSum, 0) / attempts,
      firstTrySuccess: own.length === 0 ? null : own.filter((v) => v.isFirstCorrect).length / own.length,
      meanAttemptsToSolve: solved.length === 0 ? null : solved.reduce((sum, v) => sum + v.attempts, 0) / solved.length,
      discrimination: pearson(itemScores, restScores),
      hardestConditions: hardestConditions(own),
    };
  });
}
