// Scoring for one live answer. Pure: the server measures the response time, the grader gives the
// score, and this turns both into points. The rule (documented in docs/live.md):
//   base   = round(1000 × score × (1 − t / (2T)))   Kahoot's speed rule, scaled by partial credit
//   streak = consecutive fully correct answers, this one included
//   bonus  = min(100 × (streak − 1), 500)            only on a fully correct answer
// so an instant correct answer earns 1000, one at the buzzer 500, and the sixth correct answer in a
// row earns the full +500 bonus.

export const MAX_BASE_POINTS = 1000;
export const STREAK_STEP = 100;
export const STREAK_CAP = 500;

export interface ComputePointsOptions {
  /** Grader score in [0, 1]; 1 = fully correct. */
  score: number;
  /** Server-measured time from the question opening to the answer arriving. */
  msToAnswer: number;
  timeLimitMs: number;
  /** The participant's streak of fully correct answers before this one. */
  streakBefore: number;
}

export interface PointsBreakdown {
  basePoints: number;
  streakBonus: number;
  points: number;
  /** The streak after this answer (0 unless fully correct). */
  streak: number;
  /** Response time clamped to [0, T]: what counts for speed and for tie-breaks. */
  countedMs: number;
}

export function computePoints({ score, msToAnswer, timeLimitMs, streakBefore }: ComputePointsOptions): PointsBreakdown {
  if (!(timeLimitMs > 0)) throw new RangeError(`timeLimitMs must be positive, got ${timeLimitMs}`);
  const credit = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  const countedMs = Math.min(timeLimitMs, Math.max(0, Math.round(msToAnswer)));
  const basePoints = Math.round(MAX_BASE_POINTS * credit * (1 - countedMs / (2 * timeLimitMs)));
  const isFullyCorrect = credit === 1;
  const streak = isFullyCorrect ? Math.max(0, streakBefore) + 1 : 0;
  const streakBonus = isFullyCorrect ? Math.min(STREAK_STEP * (streak - 1), STREAK_CAP) : 0;
  return { basePoints, streakBonus, points: basePoints + streakBonus, streak, countedMs };
}
