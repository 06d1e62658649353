import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { examDeadline, questionCredit } from '@/lib/course/exams/exam-rules';

interface ClosableExam {
  opensAt: Date;
  closesAt: Date;
  timeLimitMinutes: number;
  questions: readonly { typeId: string; points: number }[];
}

/** Points earned: per question its points × the best credit-weighted score of its attempts. */
export function examScore(questions: ClosableExam['questions'], attempts: readonly { typeId: string; credit: number }[]): number {
  return questions.reduce((total, q) => total + q.points * questionCredit(attempts.filter((a) => a.typeId === q.typeId)), 0);
}

export interface CloseExamSessionOptions {
  exam: ClosableExam;
  session: { id: string; startedAt: Date; endedAt: Date | null; attempts: readonly { typeId: string; credit: number }[] };
  extraMinutes: number;
  now: Date;
  /** A student's own submit; without it the session closes only if its deadline has passed. */
  isSubmit?: boolean;
}

/**
 * Ends a session and stores its score: on the student's submit, or — lazily, on any read or write
 * that finds it — when the server's clock has passed the deadline, which is then the end time (the
 * auto-submit). Conditional on `endedAt IS NULL`, so two requests racing end it once. Returns
 * the end, or null when the session stays open.
 */
export async function closeExamSession(db: Prisma.TransactionClient, { exam, session, extraMinutes, now, isSubmit = false }: CloseExamSessionOptions): Promise<{ endedAt: Date; endReason: 'SUBMITTED' | 'TIMED_OUT'; score: number } | null> {
  if (session.endedAt) return null;
  const deadline = examDeadline(exam, session.startedAt, extraMinutes);
  const isTimedOut = now >= deadline;
  if (!isTimedOut && !isSubmit) return null;
  const end = isTimedOut ? { endedAt: deadline, endReason: 'TIMED_OUT' as const } : { endedAt: now, endReason: 'SUBMITTED' as const };
  const score = examScore(exam.questions, session.attempts);
  const { count } = await db.examSession.updateMany({ where: { id: session.id, endedAt: null }, data: { ...end, score } });
  return count === 1 ? { ...end, score } : null;
}
