import { z } from 'zod';
import { ZAnswer, type TAnswer } from '@/engine/exercises/answer-schema';
import type { AnswerSpec, Parts } from '@/engine/exercises/answer-spec';
import type { Json } from '@/engine/exercises/definition';
import type { LocalizedText } from '@/engine/exercises/text';
import { ZClientSubmissionId, type TWorkedStep } from '@/lib/exercises/schemas';
import { ZId, zText } from '@/lib/validation/text';
import type { ExamPhase, StudentExamStatus } from '@/lib/course/exams/exam-rules';

// Boundary schemas and payload types of exam mode (client-safe). Every payload a student receives
// is built from the types below, which have no field that could carry an expected value; feedback
// and worked solutions are filled in only when the exam's rules allow (see docs/course.md).

export const EXAM_TITLE_MAX = 120;
export const EXAM_MAX_QUESTIONS = 18;
export const EXAM_FEEDBACK = ['IMMEDIATE', 'ON_RELEASE'] as const;

const ZLocalTime = z.string().max(19);

export const ZExamQuestionInput = z.object({
  typeId: ZId,
  points: z.number().int().min(1).max(100),
});

export const ZExamInput = z.object({
  title: zText({ max: EXAM_TITLE_MAX * 2 }),
  /** Wall-clock times in the class's time zone. */
  opensAt: ZLocalTime,
  closesAt: ZLocalTime,
  timeLimitMinutes: z.number().int().min(1).max(600),
  maxAttempts: z.number().int().min(1).max(5),
  creditDecayPct: z.number().int().min(0).max(100),
  feedback: z.enum(EXAM_FEEDBACK),
  questions: z.array(ZExamQuestionInput).max(EXAM_MAX_QUESTIONS),
  isPublished: z.boolean(),
});
export type TExamInput = z.infer<typeof ZExamInput>;

export const ZExamParams = z.object({ examId: ZId });

export const ZStartExam = z.object({
  honourCode: z.literal(true, { message: 'accept the honour code to begin' }),
});

export const ZExamAnswer = z.object({
  typeId: ZId,
  answer: ZAnswer,
  clientSubmissionId: ZClientSubmissionId,
});
export type TExamAnswer = z.infer<typeof ZExamAnswer>;

export const ZExamExtension = z.object({
  userId: ZId,
  /** 0 removes the extension. */
  extraMinutes: z.number().int().min(0).max(600),
});

/** How one graded exam attempt looks to its author when feedback may be shown: never the expected values. */
export interface TExamFeedback {
  score: number;
  /** score × the attempt's credit factor. */
  credit: number;
  correct: boolean;
  parts: Parts | null;
  mistake: string | null;
  feedback: LocalizedText;
  firstWrong: string | null;
}

export interface TExamQuestionView {
  typeId: string;
  /** 1-based position in this student's (shuffled) order. */
  number: number;
  title: LocalizedText;
  points: number;
  prompt: LocalizedText;
  given: { [key: string]: Json };
  answer: AnswerSpec;
  tolerance: LocalizedText;
  attemptsUsed: number;
  attemptsLeft: number;
  /** The credit factor the next attempt would earn (1 = full). */
  nextCreditFactor: number;
  /** The student's own latest answer, so a reload shows it again. */
  lastAnswer: TAnswer | null;
  /** Null while feedback is hidden (until release for ON_RELEASE exams). */
  lastFeedback: TExamFeedback | null;
  /** Earned fraction of the points; null while hidden. */
  earned: number | null;
  /** Only after release, once the student's exam has ended. */
  solution: TWorkedStep[] | null;
}

export interface TStudentExam {
  exam: {
    id: string;
    title: string;
    className: string;
    opensAt: string;
    closesAt: string;
    timeLimitMinutes: number;
    maxAttempts: number;
    creditDecayPct: number;
    feedback: (typeof EXAM_FEEDBACK)[number];
    isReleased: boolean;
    questionCount: number;
    totalPoints: number;
  };
  phase: ExamPhase;
  status: StudentExamStatus;
  extraMinutes: number;
  /** The server's clock when this was built; the page counts down from remainingMs, not its own clock. */
  serverNow: string;
  session: { startedAt: string; deadline: string; endedAt: string | null; remainingMs: number } | null;
  /** Empty until the student has begun. */
  questions: TExamQuestionView[];
  /** Points earned; null while hidden. */
  score: number | null;
}

export interface TExamAnswerResult {
  typeId: string;
  attemptNumber: number;
  attemptsLeft: number;
  nextCreditFactor: number;
  remainingMs: number;
  /** Null while feedback is hidden. */
  feedback: TExamFeedback | null;
}
