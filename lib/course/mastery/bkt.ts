// Bayesian knowledge tracing (Corbett & Anderson, 1995) for one (student, skill): a hidden
// "knows it / does not" state, observed through right and wrong answers. Pure, so the update is
// tested against hand-computed values and the server, the bench and the docs apply one rule.

export interface BktParameters {
  /** P(L0): the skill is known before the first attempt. */
  pInit: number;
  /** P(T): an attempt teaches an unknown skill (learning happens after each attempt). */
  pLearn: number;
  /** P(S): a student who knows the skill still answers wrong (a slip). */
  pSlip: number;
  /** P(G): a student who does not know it answers right anyway (a guess). */
  pGuess: number;
}

/**
 * Defaults (docs/course.md explains each): numeric answers are hard to guess, but the second and
 * third try on a variant come after hints, so P(G) is 0.2 rather than near 0; P(S) 0.1 for a
 * typo or a rounding slip; P(L0) 0.1 since the skills are new to the class; P(T) 0.1 per attempt.
 */
export const DEFAULT_BKT: BktParameters = { pInit: 0.1, pLearn: 0.1, pSlip: 0.1, pGuess: 0.2 };

/** P(known) after one more graded attempt: the Bayes posterior given the answer, then the learning step. */
export function updateKnown(pKnown: number, isCorrect: boolean, params: BktParameters = DEFAULT_BKT): number {
  const { pLearn, pSlip, pGuess } = params;
  const posterior = isCorrect
    ? (pKnown * (1 - pSlip)) / (pKnown * (1 - pSlip) + (1 - pKnown) * pGuess)
    : (pKnown * pSlip) / (pKnown * pSlip + (1 - pKnown) * (1 - pGuess));
  return posterior + (1 - posterior) * pLearn;
}

export const MASTERY_LEVELS = ['NOT_STARTED', 'ATTEMPTED', 'FAMILIAR', 'PROFICIENT', 'MASTERED'] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

/** Lower bounds of P(known) for each level above Attempted. */
export const LEVEL_THRESHOLDS = { FAMILIAR: 0.5, PROFICIENT: 0.8, MASTERED: 0.95 } as const;

export function masteryLevel(pKnown: number | null, attempts: number): MasteryLevel {
  if (pKnown === null || attempts === 0) return 'NOT_STARTED';
  if (pKnown >= LEVEL_THRESHOLDS.MASTERED) return 'MASTERED';
  if (pKnown >= LEVEL_THRESHOLDS.PROFICIENT) return 'PROFICIENT';
  if (pKnown >= LEVEL_THRESHOLDS.FAMILIAR) return 'FAMILIAR';
  return 'ATTEMPTED';
}
