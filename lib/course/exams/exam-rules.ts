// The rules of exam mode as pure functions (client-safe, unit-tested): the student's deadline,
// the credit of a k-th attempt, a question's score and the exam's phase. The server evaluates
// them with its own clock on every read and write; nothing here trusts a browser's time.

const MINUTE = 60_000;

export interface ExamTiming {
  opensAt: Date;
  closesAt: Date;
  timeLimitMinutes: number;
}

/**
 * A student's deadline: the time limit counted from when they began, cut at the window's close;
 * an extension (accommodation) adds its minutes to both.
 */
export function examDeadline(exam: ExamTiming, startedAt: Date, extraMinutes = 0): Date {
  const extra = extraMinutes * MINUTE;
  return new Date(Math.min(startedAt.getTime() + exam.timeLimitMinutes * MINUTE + extra, exam.closesAt.getTime() + extra));
}

/** The last moment the student may begin: the window's close, moved by their extension. */
export function lastStartAt(exam: ExamTiming, extraMinutes = 0): Date {
  return new Date(exam.closesAt.getTime() + extraMinutes * MINUTE);
}

/** The share of its score the k-th attempt (1-based) earns: 1, then decay% less per attempt, never below 0. */
export function creditFactor(attemptNumber: number, creditDecayPct: number): number {
  return Math.max(0, 1 - (creditDecayPct / 100) * (attemptNumber - 1));
}

/** A question's earned fraction: the best credit-weighted score over its attempts (a later try never lowers it). */
export function questionCredit(attempts: readonly { credit: number }[]): number {
  return attempts.reduce((best, attempt) => Math.max(best, attempt.credit), 0);
}

export type ExamPhase = 'DRAFT' | 'NOT_OPEN' | 'OPEN' | 'CLOSED';

/** Where the exam's window stands for a student (their extension moves the close). */
export function examPhase(exam: ExamTiming & { publishedAt: Date | null }, now: Date, extraMinutes = 0): ExamPhase {
  if (!exam.publishedAt) return 'DRAFT';
  if (now < exam.opensAt) return 'NOT_OPEN';
  if (now >= lastStartAt(exam, extraMinutes)) return 'CLOSED';
  return 'OPEN';
}

export type StudentExamStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'TIMED_OUT';

/** A student's status; an unended session past its deadline counts as timed out (it is closed on the next read). */
export function studentExamStatus(session: { endedAt: Date | null; endReason: 'SUBMITTED' | 'TIMED_OUT' | null } | null, deadline: Date | null, now: Date): StudentExamStatus {
  if (!session) return 'NOT_STARTED';
  if (session.endedAt) return session.endReason === 'TIMED_OUT' ? 'TIMED_OUT' : 'SUBMITTED';
  if (deadline && now >= deadline) return 'TIMED_OUT';
  return 'IN_PROGRESS';
}
