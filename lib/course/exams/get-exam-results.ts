import 'server-only';
import { closeExamSession } from '@/lib/course/exams/close-exam-session';
import { examDeadline, questionCredit, studentExamStatus, type StudentExamStatus } from '@/lib/course/exams/exam-rules';
import { requireExamInstructor } from '@/lib/course/exams/save-exam';
import { lockExamSession } from '@/lib/course/exams/get-student-exam';
import { SESSION_SELECT } from '@/lib/course/exams/find-student-exam';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';

export interface ExamStudentRow {
  userId: string;
  name: string;
  email: string;
  status: StudentExamStatus;
  extraMinutes: number;
  startedAt: Date | null;
  deadline: Date | null;
  endedAt: Date | null;
  score: number | null;
  /** Earned fraction per question type. */
  earned: Record<string, number>;
}

export interface ExamQuestionStats {
  typeId: string;
  points: number;
  /** Students with at least one attempt. */
  students: number;
  attempts: number;
  /** Mean earned fraction over the students who began the exam. */
  meanCredit: number | null;
  /** Share of students who attempted it whose first attempt was right. */
  firstTryRight: number | null;
  /** Mean attempts used by those who attempted it. */
  meanAttempts: number | null;
  topMistakes: { mistake: string; students: number }[];
}

export interface ExamResults {
  exam: {
    id: string;
    classId: string;
    title: string;
    opensAt: Date;
    closesAt: Date;
    timeLimitMinutes: number;
    maxAttempts: number;
    creditDecayPct: number;
    feedback: 'IMMEDIATE' | 'ON_RELEASE';
    publishedAt: Date | null;
    releasedAt: Date | null;
    questions: { typeId: string; points: number }[];
    totalPoints: number;
  };
  counts: Record<StudentExamStatus, number>;
  students: ExamStudentRow[];
  questions: ExamQuestionStats[];
}

/**
 * An exam's results for its instructors: every student's status (sessions past their deadline
 * are closed first, as the student's next read would), score and extension, and per-question
 * statistics from all exam attempts (in one query each: exam, students, sessions with attempts).
 */
export async function getExamResults({ actorId, examId, locale, now = new Date() }: { actorId: string; examId: string; locale: Locale; now?: Date }): Promise<ExamResults> {
  await requireExamInstructor(actorId, examId, locale);
  const db = getDb();
  const exam = await db.exam.findUniqueOrThrow({
    where: { id: examId },
    select: {
      id: true, classId: true, title: true, opensAt: true, closesAt: true, timeLimitMinutes: true, maxAttempts: true, creditDecayPct: true,
      feedback: true, publishedAt: true, releasedAt: true,
      questions: { select: { typeId: true, points: true }, orderBy: { position: 'asc' } },
      extensions: { select: { userId: true, extraMinutes: true } },
    },
  });
  const extraOf = new Map(exam.extensions.map((e) => [e.userId, e.extraMinutes]));
  const sessionSelect = { ...SESSION_SELECT, userId: true, attempts: { ...SESSION_SELECT.attempts, select: { ...SESSION_SELECT.attempts.select, mistake: true } } };
  let sessions = await db.examSession.findMany({ where: { examId }, select: sessionSelect });
  const due = sessions.filter((s) => !s.endedAt && now >= examDeadline(exam, s.startedAt, extraOf.get(s.userId) ?? 0));
  if (due.length > 0) {
    for (const session of due) {
      await db.$transaction(async (tx) => {
        await lockExamSession(tx, session.id);
        const current = await tx.examSession.findUniqueOrThrow({ where: { id: session.id }, select: SESSION_SELECT });
        await closeExamSession(tx, { exam, session: current, extraMinutes: extraOf.get(session.userId) ?? 0, now });
      });
    }
    sessions = await db.examSession.findMany({ where: { examId }, select: sessionSelect });
  }
  const members = await db.membership.findMany({ where: { classId: exam.classId, role: 'STUDENT' }, select: { userId: true, user: { select: { name: true, email: true } } } });
  const sessionOf = new Map(sessions.map((s) => [s.userId, s]));
  const counts: Record<StudentExamStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 0, SUBMITTED: 0, TIMED_OUT: 0 };
  const students = members
    .map(({ userId, user }): ExamStudentRow => {
      const session = sessionOf.get(userId) ?? null;
      const extraMinutes = extraOf.get(userId) ?? 0;
      const deadline = session ? examDeadline(exam, session.startedAt, extraMinutes) : null;
      const status = studentExamStatus(session, deadline, now);
      counts[status] += 1;
      const earned = Object.fromEntries(exam.questions.map((q) => [q.typeId, questionCredit(session?.attempts.filter((a) => a.typeId === q.typeId) ?? [])]));
      return { userId, name: user.name, email: user.email, status, extraMinutes, startedAt: session?.startedAt ?? null, deadline, endedAt: session?.endedAt ?? null, score: session?.score ?? null, earned };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));

  const questions = exam.questions.map((q): ExamQuestionStats => {
    const perStudent = sessions.map((s) => s.attempts.filter((a) => a.typeId === q.typeId)).filter((list) => list.length > 0);
    const mistakeStudents = new Map<string, number>();
    for (const list of perStudent) for (const mistake of new Set(list.map((a) => a.mistake).filter((m): m is string => m !== null))) mistakeStudents.set(mistake, (mistakeStudents.get(mistake) ?? 0) + 1);
    return {
      typeId: q.typeId,
      points: q.points,
      students: perStudent.length,
      attempts: perStudent.reduce((sum, list) => sum + list.length, 0),
      meanCredit: sessions.length > 0 ? sessions.reduce((sum, s) => sum + questionCredit(s.attempts.filter((a) => a.typeId === q.typeId)), 0) / sessions.length : null,
      firstTryRight: perStudent.length > 0 ? perStudent.filter((list) => list[0].correct).length / perStudent.length : null,
      meanAttempts: perStudent.length > 0 ? perStudent.reduce((sum, list) => sum + list.length, 0) / perStudent.length : null,
      topMistakes: [...mistakeStudents.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([mistake, n]) => ({ mistake, students: n })),
    };
  });
  const { extensions, ...rest } = exam;
  void extensions;
  return { exam: { ...rest, totalPoints: exam.questions.reduce((sum, q) => sum + q.points, 0) }, counts, students, questions };
}
