import { z } from 'zod';
// Deep imports on purpose: this module is shared with the browser, and the exercises index
// would pull every exercise type (and the engine) into the client bundle.
import { ZAnswer, type TAnswer } from '@/engine/exercises/answer-schema';
import type { AnswerSpec, Parts } from '@/engine/exercises/answer-spec';
import type { Json } from '@/engine/exercises/definition';
import type { LocalizedText } from '@/engine/exercises/text';

// Boundary schemas and the payload types of the exercise API. Every payload type here is
// expected-free by construction: it has no field that could carry a solved value.

/** A submission body over this is abuse, not an answer (the largest real answer is a few KB). */
export const MAX_SUBMIT_BYTES = 64 * 1024;

/** Chosen by the browser (crypto.randomUUID) and kept across retries of one submission. */
export const ZClientSubmissionId = z
  .string()
  .min(8, 'clientSubmissionId must be at least 8 characters')
  .max(64, 'clientSubmissionId must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'clientSubmissionId may contain only letters, digits, - and _');

export const ZSubmitAnswer = z.object({
  /** Numbers or number strings nested like the AnswerSpec; at most 10,000 cells, all finite. */
  answer: ZAnswer,
  /** The round of the variant the student answered, as the variant response gave it. */
  round: z.number().int().min(0).max(1_000_000),
  clientSubmissionId: ZClientSubmissionId,
});
export type TSubmitAnswer = z.infer<typeof ZSubmitAnswer>;

/** `?seed=` of an instructor's preview: a 32-bit unsigned integer. */
export const ZPreviewSeed = z.coerce
  .number({ message: 'seed must be a number' })
  .int('seed must be a whole number')
  .min(0, 'seed must be 0 or more')
  .max(0xffffffff, 'seed must be at most 4294967295');

interface TVariantBase {
  typeId: string;
  title: LocalizedText;
  unit: string;
  difficulty: 1 | 2 | 3;
  /** Markdown with KaTeX math. */
  prompt: LocalizedText;
  given: { [key: string]: Json };
  answer: AnswerSpec;
  /** How close a number must be to count as right. */
  tolerance: LocalizedText;
  /** The hints revealed so far (Markdown), and how many this variant has in all. */
  hints: LocalizedText[];
  hintCount: number;
}

/** A student's own variant: the round is derived on the server from their attempts. */
export interface TStudentVariant extends TVariantBase {
  mode: 'student';
  round: number;
  maxAttempts: number;
  attemptsUsed: number;
  attemptsLeft: number;
  /** The latest attempt on this variant, so a reload shows its feedback again. */
  lastAttempt: TAttemptView | null;
}

/** An instructor's look at any seed; nothing can be submitted against it. */
export interface TPreviewVariant extends TVariantBase {
  mode: 'preview';
  seed: number;
}

export type TExerciseVariant = TStudentVariant | TPreviewVariant;

/** One graded attempt as its author sees it: correctness per cell, never the expected values. */
export interface TAttemptView {
  id: string;
  round: number;
  /** 1…3 within the round. */
  attemptNumber: number;
  answer: TAnswer;
  score: number;
  correct: boolean;
  parts: Parts | null;
  feedback: LocalizedText;
  /** Id of the typical mistake the answer matches (the feedback explains it). */
  mistake: string | null;
  /** For a `fields` answer: the first field that is not fully right (e.g. the first wrong node). */
  firstWrong: string | null;
  createdAt: string;
}

export interface TSubmitResult {
  attempt: TAttemptView;
  /** True when this attempt ended its variant (right, or the last try): the next GET has new numbers. */
  isRoundOver: boolean;
  attemptsLeft: number;
  /** The hints revealed on this variant after this attempt (the variant response gives their total). */
  hints: LocalizedText[];
  /**
   * The worked solution, only once the round is over (`isRoundOver`); null before, because it
   * holds the expected answer.
   */
  solution: TWorkedStep[] | null;
}

/** One step of a worked solution: what is computed (Markdown + KaTeX) and the value reached (KaTeX). */
export interface TWorkedStep {
  text: LocalizedText;
  latex: string;
}

/** A row of the attempt history. */
export interface TAttemptSummary {
  id: string;
  round: number;
  attemptNumber: number;
  score: number;
  correct: boolean;
  mistake: string | null;
  createdAt: string;
}

export interface TExerciseScore {
  typeId: string;
  bestScore: number;
  attempts: number;
  isSolved: boolean;
}
