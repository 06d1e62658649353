import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { grade, ZAnswer, type TAnswer } from '@/engine/exercises';
import { recordGradedAttempt } from '@/lib/course/record-graded-attempt';
import { closeExamSession } from '@/lib/course/exams/close-exam-session';
import { creditFactor, examDeadline } from '@/lib/course/exams/exam-rules';
import type { TExamAnswer, TExamAnswerResult } from '@/lib/course/exams/exam-schemas';
import { findStudentExam, SESSION_SELECT } from '@/lib/course/exams/find-student-exam';
import { buildExamFeedback, canSeeFeedback, lockExamSession } from '@/lib/course/exams/get-student-exam';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { seedForExam } from '@/lib/exercises/keyed-seeds';
import type { Locale } from '@/lib/i18n/locales';

const M = {
  notStarted: { ko: '먼저 시험을 시작하세요.', en: 'Begin the exam first.' },
  question: { ko: '이 시험에 없는 문제입니다.', en: 'That question is not part of this exam.' },
  ended: { ko: '시험을 이미 제출했습니다. 더 이상 답을 받지 않습니다.', en: 'Your exam has been submitted; no more answers are accepted.' },
  timeUp: { ko: '시간이 끝났습니다. 시험이 자동으로 제출되었습니다.', en: 'Time is up: your exam was submitted automatically.' },
  noAttempts: { ko: '이 문제의 시도 횟수를 모두 썼습니다.', en: 'You have used every attempt at this question.' },
  reused: { ko: '이 제출 ID는 이미 다른 문제에 사용되었습니다.', en: 'This submission id was already used for a different question.' },
};

export interface SubmitExamAnswerOptions extends TExamAnswer {
  userId: string;
  examId: string;
  locale: Locale;
  now?: Date;
}

type Outcome = { result: TExamAnswerResult } | { timedOut: true };

/**
 * Grades one answer to one exam question on the server: the student's own variant (keyed seed),
 * attempt k of maxAttempts earning creditFactor(k) of its score, stored once per
 * clientSubmissionId. Refused once the session has ended or the server's clock has passed the
 * deadline (which closes it: the auto-submit). Feedback comes back only if the exam shows it now.
 */
export async function submitExamAnswer(options: SubmitExamAnswerOptions): Promise<TExamAnswerResult> {
  const { userId, examId, typeId, answer, clientSubmissionId, locale } = options;
  const { exam, extraMinutes, session } = await findStudentExam(getDb(), { userId, examId, locale });
  if (!session) throw new AppError('CONFLICT', M.notStarted[locale], { reason: 'exam-not-started' });
  if (!exam.questions.some((q) => q.typeId === typeId)) throw new AppError('NOT_FOUND', M.question[locale], { fieldErrors: { typeId: [M.question[locale]] } });
  const deadline = examDeadline(exam, session.startedAt, extraMinutes);

  const outcome = await getDb().$transaction(
    async (tx): Promise<Outcome> => {
      await lockExamSession(tx, session.id);
      // The same lock as homework submits: recordGradedAttempt's read-modify-write of mastery.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${userId}), hashtext(${typeId}))`;
      const current = await tx.examSession.findUniqueOrThrow({ where: { id: session.id }, select: SESSION_SELECT });
      const now = options.now ?? new Date();
      const replayed = current.attempts.find((a) => a.clientSubmissionId === clientSubmissionId);
      if (replayed) {
        if (replayed.typeId !== typeId) throw new AppError('CONFLICT', M.reused[locale]);
        const given = ZAnswer.parse(replayed.answer);
        return { result: resultOf(replayed.attemptNumber, given, replayed.credit) };
      }
      if (current.endedAt) throw new AppError('CONFLICT', M.ended[locale], { reason: 'exam-ended' });
      if (now >= deadline) {
        await closeExamSession(tx, { exam, session: current, extraMinutes, now });
        return { timedOut: true };
      }
      const used = current.attempts.filter((a) => a.typeId === typeId).length;
      if (used >= exam.maxAttempts) throw new AppError('CONFLICT', M.noAttempts[locale], { reason: 'no-attempts-left' });

      const seed = seedForExam(examId, typeId, userId);
      const graded = grade(typeId, seed, answer);
      if (graded.invalid) throw new AppError('UNPROCESSABLE', graded.invalid[locale], { fieldErrors: { answer: [graded.invalid[locale]] } });
      const attemptNumber = used + 1;
      const credit = graded.score * creditFactor(attemptNumber, exam.creditDecayPct);
      const stored = await tx.examAttempt.create({
        data: {
          sessionId: session.id,
          typeId,
          attemptNumber,
          seed: BigInt(seed),
          answer,
          score: graded.score,
          credit,
          correct: graded.correct,
          mistake: graded.mistake ?? null,
          parts: graded.parts ?? Prisma.DbNull,
          clientSubmissionId,
          createdAt: now,
        },
        select: { createdAt: true },
      });
      // Exam answers count toward mastery and the review schedule like any graded attempt.
      await recordGradedAttempt(tx, { userId, typeId, score: graded.score, correct: graded.correct, at: stored.createdAt });
      return { result: resultOf(attemptNumber, answer, credit) };

      function resultOf(attemptNumber: number, given: TAnswer, credit: number): TExamAnswerResult {
        return {
          typeId,
          attemptNumber,
          attemptsLeft: Math.max(0, exam.maxAttempts - attemptNumber),
          nextCreditFactor: creditFactor(attemptNumber + 1, exam.creditDecayPct),
          remainingMs: Math.max(0, deadline.getTime() - now.getTime()),
          feedback: canSeeFeedback(exam, current) ? buildExamFeedback(typeId, seedForExam(examId, typeId, userId), given, credit) : null,
        };
      }
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  if ('timedOut' in outcome) throw new AppError('CONFLICT', M.timeUp[locale], { reason: 'time-up' });
  return outcome.result;
}
