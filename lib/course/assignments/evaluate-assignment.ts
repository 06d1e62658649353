// How far a student is with an assignment, from their attempts: pure, so the deadline rule, the
// late penalty and the statuses are tested on their own and every view applies the same rule.

export type TargetKind = 'SOLVE_COUNT' | 'BEST_SCORE';

export interface AssignmentRule {
  opensAt: Date;
  dueAt: Date;
  /** Late work counts until then, with the penalty; null: nothing after dueAt counts. */
  lateUntil: Date | null;
  latePenaltyPct: number;
  items: { typeId: string; target: TargetKind; targetValue: number }[];
}

export interface CountedAttempt {
  typeId: string;
  score: number;
  correct: boolean;
  createdAt: Date;
}

/**
 * UPCOMING before it opens; DONE: targets met on time; DONE_LATE: met only with late work; LATE:
 * past due, not met, late work still accepted; MISSED: past the final deadline, not met;
 * IN_PROGRESS / NOT_STARTED: before the due time, with or without counted work.
 */
export type AssignmentStatus = 'UPCOMING' | 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'DONE_LATE' | 'LATE' | 'MISSED';

export interface ItemProgress {
  typeId: string;
  /** Variants solved (SOLVE_COUNT) or best score in [0, 1] (BEST_SCORE), counting late work. */
  value: number;
  /** Fraction of the target reached, in [0, 1], counting late work. */
  fraction: number;
  isMet: boolean;
}

export interface AssignmentEvaluation {
  status: AssignmentStatus;
  /** Final score in [0, 1]: the better of the on-time score and the late score after the penalty. */
  score: number;
  onTimeScore: number;
  /** Score counting late work too, before the penalty (equals onTimeScore without a late window). */
  lateScore: number;
  /** True when the final score comes from late work. */
  isLate: boolean;
  items: ItemProgress[];
}

/** Per item: what the attempts in the on-time window and in the whole window (with late work) add up to. */
export interface ItemSummary {
  typeId: string;
  solvedOnTime: number;
  bestOnTime: number;
  solvedWithLate: number;
  bestWithLate: number;
  attemptsWithLate: number;
}

function fractionOf(item: AssignmentRule['items'][number], solved: number, best: number): number {
  // Each right answer ends its variant (lib/exercises/current-round.ts): one per solved variant.
  return Math.min(1, item.target === 'SOLVE_COUNT' ? solved / item.targetValue : best / item.targetValue);
}

/**
 * An attempt counts on time when opensAt ≤ createdAt ≤ dueAt (the due instant itself is on time),
 * late when dueAt < createdAt ≤ lateUntil, and not at all otherwise. The database does the same
 * sums in SQL (list-class-assignments.ts); this is the reference the tests check it against.
 */
export function summarizeAttempts(rule: AssignmentRule, attempts: readonly CountedAttempt[]): ItemSummary[] {
  const t = (date: Date) => date.getTime();
  const finalDeadline = rule.lateUntil ?? rule.dueAt;
  return rule.items.map((item) => {
    const inWindow = attempts.filter((a) => a.typeId === item.typeId && t(a.createdAt) >= t(rule.opensAt) && t(a.createdAt) <= t(finalDeadline));
    const onTime = inWindow.filter((a) => t(a.createdAt) <= t(rule.dueAt));
    return {
      typeId: item.typeId,
      solvedOnTime: onTime.filter((a) => a.correct).length,
      bestOnTime: onTime.reduce((max, a) => Math.max(max, a.score), 0),
      solvedWithLate: inWindow.filter((a) => a.correct).length,
      bestWithLate: inWindow.reduce((max, a) => Math.max(max, a.score), 0),
      attemptsWithLate: inWindow.length,
    };
  });
}

export function evaluateAssignment(rule: AssignmentRule, attempts: readonly CountedAttempt[], now: Date): AssignmentEvaluation {
  return evaluateSummary(rule, summarizeAttempts(rule, attempts), now);
}

/** The summary of `typeId`, if any (an assignment has a handful of items: a loop, no Map per call). */
function summaryOf(summaries: readonly ItemSummary[], typeId: string): ItemSummary | undefined {
  for (const summary of summaries) if (summary.typeId === typeId) return summary;
  return undefined;
}

/**
 * Status and score from the per-item sums (`summaries` in any order; missing ones count 0).
 * Called for every (assignment, student) of a class page, so it loops instead of mapping.
 */
export function evaluateSummary(rule: AssignmentRule, summaries: readonly ItemSummary[], now: Date): AssignmentEvaluation {
  const nowMs = now.getTime();
  const items: ItemProgress[] = [];
  let onTimeSum = 0;
  let lateSum = 0;
  let hasAttempts = false;
  for (const item of rule.items) {
    const sum = summaryOf(summaries, item.typeId);
    const solvedWithLate = sum?.solvedWithLate ?? 0;
    const bestWithLate = sum?.bestWithLate ?? 0;
    const withLate = fractionOf(item, solvedWithLate, bestWithLate);
    onTimeSum += fractionOf(item, sum?.solvedOnTime ?? 0, sum?.bestOnTime ?? 0);
    lateSum += withLate;
    if ((sum?.attemptsWithLate ?? 0) > 0) hasAttempts = true;
    items.push({ typeId: item.typeId, value: item.target === 'SOLVE_COUNT' ? solvedWithLate : bestWithLate, fraction: withLate, isMet: withLate >= 1 });
  }
  const count = rule.items.length;
  const onTimeScore = count === 0 ? 0 : onTimeSum / count;
  const lateScore = count === 0 ? 0 : lateSum / count;
  const penalized = lateScore * (1 - rule.latePenaltyPct / 100);
  const isLate = penalized > onTimeScore;

  let status: AssignmentStatus;
  if (nowMs < rule.opensAt.getTime()) status = 'UPCOMING';
  else if (count > 0 && onTimeScore >= 1) status = 'DONE';
  else if (count > 0 && lateScore >= 1) status = 'DONE_LATE';
  else if (nowMs > (rule.lateUntil ?? rule.dueAt).getTime()) status = 'MISSED';
  else if (nowMs > rule.dueAt.getTime()) status = 'LATE';
  else status = hasAttempts ? 'IN_PROGRESS' : 'NOT_STARTED';

  return { status, score: Math.max(onTimeScore, penalized), onTimeScore, lateScore, isLate, items };
}

/** One student's attempts on one type, all summed up (a row of `AttemptTotal`). */
export interface AttemptTotals {
  attempts: number;
  solved: number;
  best: number;
  /** First and last attempt, epoch milliseconds. */
  firstMs: number;
  lastMs: number;
}

/** An assignment's window in epoch ms: computed once per assignment, then used for every student. */
export interface WindowMs {
  opens: number;
  due: number;
  /** The last accepted moment: lateUntil, or dueAt without late work. */
  final: number;
}

export function windowMsOf(rule: Pick<AssignmentRule, 'opensAt' | 'dueAt' | 'lateUntil'>): WindowMs {
  return { opens: rule.opensAt.getTime(), due: rule.dueAt.getTime(), final: (rule.lateUntil ?? rule.dueAt).getTime() };
}

function noAttempts(typeId: string): ItemSummary {
  return { typeId, solvedOnTime: 0, bestOnTime: 0, solvedWithLate: 0, bestWithLate: 0, attemptsWithLate: 0 };
}

/**
 * An item's summary from the student's all-time totals on its type, when they alone decide it:
 * no attempts, every attempt outside the window, every attempt on time, or every attempt late.
 * Null when the attempts straddle a boundary of the window: only the attempts themselves can
 * tell then. Equal to summarizeAttempts on those attempts whenever it is not null (unit-tested).
 * Called for every (assignment, type, student) of a class page, so it allocates only its result.
 */
export function summarizeFromTotals(window: WindowMs, typeId: string, totals: AttemptTotals | undefined): ItemSummary | null {
  if (!totals || totals.attempts === 0) return noAttempts(typeId);
  const first = totals.firstMs;
  const last = totals.lastMs;
  if (last < window.opens || first > window.final) return noAttempts(typeId);
  const isAllOnTime = first >= window.opens && last <= window.due;
  const isAllLate = first > window.due && first >= window.opens && last <= window.final;
  if (!isAllOnTime && !isAllLate) return null;
  return {
    typeId,
    solvedOnTime: isAllOnTime ? totals.solved : 0,
    bestOnTime: isAllOnTime ? totals.best : 0,
    solvedWithLate: totals.solved,
    bestWithLate: totals.best,
    attemptsWithLate: totals.attempts,
  };
}
