import 'server-only';
import { explain, generate, grade, ZAnswer, type TAnswer } from '@/engine/exercises';
import { closeExamSession } from '@/lib/course/exams/close-exam-session';
import { creditFactor, examDeadline, examPhase, questionCredit, studentExamStatus } from '@/lib/course/exams/exam-rules';
import type { TExamFeedback, TExamQuestionView, TStudentExam } from '@/lib/course/exams/exam-schemas';
import { findStudentExam, SESSION_SELECT, type ExamSessionRow, type StudentExamContext } from '@/lib/course/exams/find-student-exam';
import { getDb } from '@/lib/db';
import { getExerciseType } from '@/lib/exercises/get-exercise-type';
import { examOrderKey, seedForExam } from '@/lib/exercises/keyed-seeds';
import type { Locale } from '@/lib/i18n/locales';

/** One exam write at a time per session: answers, the submit and the lazy close serialize here. */
export async function lockExamSession(db: { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> }, sessionId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('exam-session'), hashtext(${sessionId}))`;
}

/**
 * Closes the student's session if the server's clock has passed its deadline (the auto-submit),
 * under the session lock with a fresh read of its attempts, so an answer committed just before
 * the deadline is in the score. Returns the context as it now stands.
 */
export async function closeIfDue(context: StudentExamContext, now: Date): Promise<StudentExamContext> {
  const { exam, session, extraMinutes } = context;
  if (!session || session.endedAt || now < examDeadline(exam, session.startedAt, extraMinutes)) return context;
  const fresh = await getDb().$transaction(async (tx) => {
    await lockExamSession(tx, session.id);
    const current = await tx.examSession.findUniqueOrThrow({ where: { id: session.id }, select: SESSION_SELECT });
    await closeExamSession(tx, { exam, session: current, extraMinutes, now });
    return tx.examSession.findUniqueOrThrow({ where: { id: session.id }, select: SESSION_SELECT });
  });
  return { ...context, session: fresh };
}

/** Whether the student may see how their answers were graded now. */
export function canSeeFeedback(exam: StudentExamContext['exam'], session: { endedAt: Date | null } | null): boolean {
  return exam.feedback === 'IMMEDIATE' || (exam.releasedAt !== null && session?.endedAt != null);
}

/** The student's question order: their keyed shuffle of the exam's questions. */
export function orderQuestions<T extends { typeId: string }>(examId: string, userId: string, questions: readonly T[]): T[] {
  return [...questions].sort((a, b) => examOrderKey(examId, userId, a.typeId) - examOrderKey(examId, userId, b.typeId) || a.typeId.localeCompare(b.typeId));
}

export function buildExamFeedback(typeId: string, seed: number, answer: TAnswer, credit: number): TExamFeedback {
  const graded = grade(typeId, seed, answer);
  return {
    score: graded.score,
    credit,
    correct: graded.correct,
    parts: graded.parts ?? null,
    mistake: graded.mistake ?? null,
    feedback: graded.feedback,
    firstWrong: graded.firstWrong ?? null,
  };
}

function storedAnswer(answer: unknown): TAnswer | null {
  const parsed = ZAnswer.safeParse(answer);
  return parsed.success ? parsed.data : null;
}

function questionView(options: { examId: string; userId: string; maxAttempts: number; creditDecayPct: number; question: { typeId: string; points: number }; number: number; session: ExamSessionRow; showFeedback: boolean; showSolution: boolean }): TExamQuestionView {
  const { examId, userId, maxAttempts, creditDecayPct, question, number, session, showFeedback, showSolution } = options;
  const type = getExerciseType(question.typeId);
  const seed = seedForExam(examId, question.typeId, userId);
  const shown = generate(question.typeId, seed);
  const attempts = session.attempts.filter((a) => a.typeId === question.typeId);
  const last = attempts.at(-1);
  const lastAnswer = last ? storedAnswer(last.answer) : null;
  return {
    typeId: question.typeId,
    number,
    title: type.title,
    points: question.points,
    prompt: shown.prompt,
    given: shown.given,
    answer: shown.answer,
    tolerance: type.tolerance.doc,
    attemptsUsed: attempts.length,
    attemptsLeft: session.endedAt ? 0 : Math.max(0, maxAttempts - attempts.length),
    nextCreditFactor: creditFactor(attempts.length + 1, creditDecayPct),
    lastAnswer,
    lastFeedback: showFeedback && last && lastAnswer ? buildExamFeedback(question.typeId, Number(last.seed), lastAnswer, last.credit) : null,
    earned: showFeedback ? questionCredit(attempts) : null,
    solution: showSolution ? explain(question.typeId, seed).map(({ text, latex }) => ({ text, latex })) : null,
  };
}

/**
 * The exam as the student may see it now, by the server's clock: closed first if its deadline
 * has passed. Questions appear only after the student has begun; feedback and scores only when
 * the exam's rules allow; worked solutions only after release, once the student's exam has ended.
 */
export async function getStudentExam({ userId, examId, locale, now = new Date() }: { userId: string; examId: string; locale: Locale; now?: Date }): Promise<TStudentExam> {
  const context = await closeIfDue(await findStudentExam(getDb(), { userId, examId, locale }), now);
  const { exam, extraMinutes, session } = context;
  const deadline = session ? examDeadline(exam, session.startedAt, extraMinutes) : null;
  const showFeedback = canSeeFeedback(exam, session);
  const showSolution = exam.releasedAt !== null && session?.endedAt != null;
  const ordered = orderQuestions(exam.id, userId, exam.questions);
  return {
    exam: {
      id: exam.id,
      title: exam.title,
      className: exam.class.name,
      opensAt: exam.opensAt.toISOString(),
      closesAt: exam.closesAt.toISOString(),
      timeLimitMinutes: exam.timeLimitMinutes,
      maxAttempts: exam.maxAttempts,
      creditDecayPct: exam.creditDecayPct,
      feedback: exam.feedback,
      isReleased: exam.releasedAt !== null,
      questionCount: exam.questions.length,
      totalPoints: exam.questions.reduce((sum, q) => sum + q.points, 0),
    },
    phase: examPhase(exam, now, extraMinutes),
    status: studentExamStatus(session, deadline, now),
    extraMinutes,
    serverNow: now.toISOString(),
    session:
      session && deadline
        ? { startedAt: session.startedAt.toISOString(), deadline: deadline.toISOString(), endedAt: session.endedAt?.toISOString() ?? null, remainingMs: session.endedAt ? 0 : Math.max(0, deadline.getTime() - now.getTime()) }
        : null,
    questions: session
      ? ordered.map((question, index) =>
          questionView({ examId: exam.id, userId, maxAttempts: exam.maxAttempts, creditDecayPct: exam.creditDecayPct, question, number: index + 1, session, showFeedback, showSolution }),
        )
      : [],
    score: session?.endedAt && showFeedback ? (session.score ?? 0) : null,
  };
}
