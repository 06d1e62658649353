import { DEFAULT_SCORING, type TScoringOptions } from '@/lib/live/protocol/scoring-options';

// Scoring for one live answer. Pure: the server measures the response time, the grader gives the
// score, and this turns both into points under the session's scoring options (docs/live.md):
//   P      = points per question (1000 by default; 0 or 2000 by the host's choice)
//   base   = round(P × score × (1 − t / (2T)))        Kahoot's speed rule, scaled by partial credit
//            round(P × score)                          with the speed bonus off (correctness only)
//   streak = consecutive fully correct answers, this one included (counted whatever the options)
//   bonus  = min(100 × (streak − 1), 500) × P / 1000   only on a fully correct answer, streak bonus on
// so by default an instant correct answer earns 1000, one at the buzzer 500, and the sixth correct
// answer in a row earns the full +500 bonus.

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
  /** The session's options; the defaults are Kahoot's rule. */
  scoring?: TScoringOptions;
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

export function computePoints({ score, msToAnswer, timeLimitMs, streakBefore, scoring = DEFAULT_SCORING }: ComputePointsOptions): PointsBreakdown {
  if (!(timeLimitMs > 0)) throw new RangeError(`timeLimitMs must be positive, got ${timeLimitMs}`);
  const credit = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  const countedMs = Math.min(timeLimitMs, Math.max(0, Math.round(msToAnswer)));
  const scale = scoring.pointsPerQuestion / MAX_BASE_POINTS;
  const speedFactor = scoring.speedBonus ? 1 - countedMs / (2 * timeLimitMs) : 1;
  const basePoints = Math.round(scoring.pointsPerQuestion * credit * speedFactor);
  const isFullyCorrect = credit === 1;
  const streak = isFullyCorrect ? Math.max(0, streakBefore) + 1 : 0;
  const streakBonus = isFullyCorrect && scoring.streakBonus ? Math.round(Math.min(STREAK_STEP * (streak - 1), STREAK_CAP) * scale) : 0;
  return { basePoints, streakBonus, points: basePoints + streakBonus, streak, countedMs };
}
