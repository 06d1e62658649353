import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';

const NOT_FOUND = { ko: '시험을 찾을 수 없습니다.', en: 'Exam not found.' };

export const STUDENT_EXAM_SELECT = {
  id: true,
  title: true,
  opensAt: true,
  closesAt: true,
  timeLimitMinutes: true,
  maxAttempts: true,
  creditDecayPct: true,
  feedback: true,
  publishedAt: true,
  releasedAt: true,
  class: { select: { name: true } },
  questions: { select: { typeId: true, points: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.ExamSelect;

export type StudentExamRow = Prisma.ExamGetPayload<{ select: typeof STUDENT_EXAM_SELECT }>;

export const SESSION_SELECT = {
  id: true,
  startedAt: true,
  endedAt: true,
  endReason: true,
  score: true,
  attempts: {
    select: { typeId: true, attemptNumber: true, seed: true, answer: true, score: true, credit: true, correct: true, clientSubmissionId: true, createdAt: true },
    orderBy: { attemptNumber: 'asc' },
  },
} as const satisfies Prisma.ExamSessionSelect;

export type ExamSessionRow = Prisma.ExamSessionGetPayload<{ select: typeof SESSION_SELECT }>;

export interface StudentExamContext {
  exam: StudentExamRow;
  extraMinutes: number;
  session: ExamSessionRow | null;
}

/**
 * A published exam of a class the user is a student of, with their extension and session;
 * 404 otherwise (a draft, another class's exam and a missing one look the same).
 */
export async function findStudentExam(db: Prisma.TransactionClient, { userId, examId, locale }: { userId: string; examId: string; locale: Locale }): Promise<StudentExamContext> {
  const exam = await db.exam.findFirst({
    where: { id: examId, publishedAt: { not: null }, class: { memberships: { some: { userId, role: 'STUDENT' } } } },
    select: STUDENT_EXAM_SELECT,
  });
  if (!exam) throw new AppError('NOT_FOUND', NOT_FOUND[locale]);
  const [extension, session] = await Promise.all([
    db.examExtension.findUnique({ where: { examId_userId: { examId, userId } }, select: { extraMinutes: true } }),
    db.examSession.findUnique({ where: { examId_userId: { examId, userId } }, select: SESSION_SELECT }),
  ]);
  return { exam, extraMinutes: extension?.extraMinutes ?? 0, session };
}
