import { z } from 'zod';
import { ZAnswer, type TAnswer } from '@/engine/exercises/answer-schema';
import type { AnswerSpec, Parts } from '@/engine/exercises/answer-spec';
import type { Json } from '@/engine/exercises/definition';
import type { LocalizedText } from '@/engine/exercises/text';
import { ZClientSubmissionId, type TWorkedStep } from '@/lib/exercises/schemas';
import { ZFormNumber, ZId, zText } from '@/lib/validation/text';
import { addLocalizedIssue } from '@/lib/i18n/localized-issues';
import type { Localized } from '@/lib/i18n/locales';
import type { ExamPhase, StudentExamStatus } from '@/lib/course/exams/exam-rules';
import { wallClock } from '@/lib/course/assignments/zoned-time';

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

export const EXAM_TEXT = {
  title: { ko: `제목을 1~${EXAM_TITLE_MAX}자로 입력하세요.`, en: `Enter a title of 1–${EXAM_TITLE_MAX} characters.` },
  questions: { ko: '문제를 하나 이상 고르세요.', en: 'Choose at least one question.' },
  duplicate: { ko: '같은 연습문제를 두 번 넣을 수 없습니다.', en: 'The same exercise appears twice.' },
  points: { ko: '배점은 1~100 사이의 정수로 입력하세요.', en: 'Enter 1–100 points (a whole number).' },
  date: { ko: '날짜와 시간을 입력하세요.', en: 'Enter a date and time.' },
  order: { ko: '마감은 시작보다 뒤여야 합니다.', en: 'The window must close after it opens.' },
  limit: { ko: '제한 시간은 1~600분 사이의 정수로 입력하세요.', en: 'Enter a time limit of 1–600 whole minutes.' },
  attempts: { ko: '시도 횟수는 1~5번 사이로 입력하세요.', en: 'Enter 1–5 attempts per question.' },
  decay: { ko: '0~100 사이의 정수(%)로 입력하세요.', en: 'Enter 0–100 (whole %).' },
} satisfies Record<string, Localized>;

const isWhole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/**
 * What an exam must mean (a title, questions, points and limits in range, a window in order), as
 * the form checks it before sending (a half-filled form was sent and refused with a 400) and the
 * server checks it again (save-exam.ts), adding exercise ids and the window in UTC.
 */
export const ZExamForm = z
  .object({ ...ZExamInput.shape, title: z.string().max(EXAM_TITLE_MAX * 2), timeLimitMinutes: ZFormNumber, maxAttempts: ZFormNumber, creditDecayPct: ZFormNumber, questions: z.array(z.object({ typeId: ZId, points: ZFormNumber })).max(EXAM_MAX_QUESTIONS) })
  .superRefine((input, context) => {
    const fail = (path: (string | number)[], text: Localized) => addLocalizedIssue(context, path, text);
    const title = input.title.trim();
    if (title.length < 1 || title.length > EXAM_TITLE_MAX || /\p{Cc}/u.test(title)) fail(['title'], EXAM_TEXT.title);
    if (input.questions.length === 0) fail(['questions'], EXAM_TEXT.questions);
    if (new Set(input.questions.map((q) => q.typeId)).size !== input.questions.length) fail(['questions'], EXAM_TEXT.duplicate);
    input.questions.forEach((q, index) => {
      if (!isWhole(q.points, 1, 100)) fail(['questions', index, 'points'], EXAM_TEXT.points);
    });
    const opensAt = wallClock(input.opensAt);
    const closesAt = wallClock(input.closesAt);
    if (!opensAt) fail(['opensAt'], EXAM_TEXT.date);
    if (!closesAt) fail(['closesAt'], EXAM_TEXT.date);
    // Wall-clock order in one zone; the server checks it again on the UTC instants (daylight saving).
    if (opensAt && closesAt && closesAt <= opensAt) fail(['closesAt'], EXAM_TEXT.order);
    if (!isWhole(input.timeLimitMinutes, 1, 600)) fail(['timeLimitMinutes'], EXAM_TEXT.limit);
    if (!isWhole(input.maxAttempts, 1, 5)) fail(['maxAttempts'], EXAM_TEXT.attempts);
    if (!isWhole(input.creditDecayPct, 0, 100)) fail(['creditDecayPct'], EXAM_TEXT.decay);
  });

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
