import 'server-only';
import { getDb } from '@/lib/db';
import type { AttemptSummary } from '@/lib/gradebook/find-attempt-summaries';
import { evaluateSummary, type AssignmentStatus } from '@/lib/course/assignments/evaluate-assignment';
import { ASSIGNMENT_SELECT, findItemSummaries, summariesOf } from '@/lib/course/assignments/list-class-assignments';
import { examScore } from '@/lib/course/exams/close-exam-session';
import { examDeadline, studentExamStatus, type StudentExamStatus } from '@/lib/course/exams/exam-rules';

export interface AssignmentColumn {
  id: string;
  title: string;
  dueAt: Date;
}

export interface ExamColumn {
  id: string;
  title: string;
  totalPoints: number;
  closesAt: Date;
}

export interface AssignmentGrade {
  /** Final score in [0, 1], after the late penalty. */
  score: number;
  /** True when late work made the score (after the penalty). */
  isLate: boolean;
  status: AssignmentStatus;
}

export interface ExamGrade {
  status: StudentExamStatus;
  /** Points earned once the student's exam has ended (a session past its deadline counts as ended); else null. */
  score: number | null;
}

export interface StudentCourseGrades {
  assignments: Record<string, AssignmentGrade>;
  exams: Record<string, ExamGrade>;
}

export interface CourseGrades {
  assignments: AssignmentColumn[];
  exams: ExamColumn[];
  /** byStudent[userId].assignments[assignmentId], byStudent[userId].exams[examId]. */
  byStudent: Map<string, StudentCourseGrades>;
}

/**
 * The course layer's gradebook columns for a class (the caller has checked the instructor role):
 * every published assignment (score after the late penalty, on time or late) and every published
 * exam (status, points). Read-only: a session past its deadline that nobody has closed yet is
 * shown as timed out with the score its close will store (attempts after the deadline are refused,
 * so the attempts on record are the ones that count). `totals`: the students' attempt totals, when
 * the caller reads them anyway (findAttemptSummaries), read or still on their way.
 */
export async function findCourseGrades({ classId, userIds, totals, now = new Date() }: { classId: string; userIds: string[]; totals?: readonly AttemptSummary[] | Promise<readonly AttemptSummary[]>; now?: Date }): Promise<CourseGrades> {
  const db = getDb();
  const [assignments, exams] = await Promise.all([
    db.assignment.findMany({ where: { classId, publishedAt: { not: null } }, select: ASSIGNMENT_SELECT, orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }] }),
    db.exam.findMany({
      where: { classId, publishedAt: { not: null } },
      select: {
        id: true, title: true, opensAt: true, closesAt: true, timeLimitMinutes: true,
        questions: { select: { typeId: true, points: true } },
        extensions: { select: { userId: true, extraMinutes: true } },
        sessions: { where: { userId: { in: userIds } }, select: { id: true, userId: true, startedAt: true, endedAt: true, endReason: true, score: true } },
      },
      orderBy: [{ opensAt: 'asc' }, { createdAt: 'asc' }],
    }),
  ]);
  const summaries = await findItemSummaries({ assignments, userIds, totals });

  // Sessions past their deadline but not yet closed: their attempts, to compute the score the close stores.
  const unclosed = exams.flatMap((exam) => {
    const extraOf = new Map(exam.extensions.map((e) => [e.userId, e.extraMinutes]));
    return exam.sessions.filter((s) => !s.endedAt && now >= examDeadline(exam, s.startedAt, extraOf.get(s.userId) ?? 0)).map((s) => s.id);
  });
  const unclosedAttempts = unclosed.length === 0 ? [] : await db.examAttempt.findMany({ where: { sessionId: { in: unclosed } }, select: { sessionId: true, typeId: true, credit: true } });

  const byStudent: CourseGrades['byStudent'] = new Map(userIds.map((userId) => [userId, { assignments: {}, exams: {} }]));
  for (const assignment of assignments) {
    for (const userId of userIds) {
      const evaluation = evaluateSummary(assignment, summariesOf(summaries, assignment.id, userId), now);
      byStudent.get(userId)!.assignments[assignment.id] = { score: evaluation.score, isLate: evaluation.isLate, status: evaluation.status };
    }
  }
  for (const exam of exams) {
    const extraOf = new Map(exam.extensions.map((e) => [e.userId, e.extraMinutes]));
    const sessionOf = new Map(exam.sessions.map((s) => [s.userId, s]));
    for (const userId of userIds) {
      const session = sessionOf.get(userId);
      const grades = byStudent.get(userId)!.exams;
      if (!session) {
        grades[exam.id] = { status: 'NOT_STARTED', score: null };
        continue;
      }
      const status = studentExamStatus(session, examDeadline(exam, session.startedAt, extraOf.get(userId) ?? 0), now);
      const score = session.endedAt
        ? session.score
        : status === 'TIMED_OUT'
          ? examScore(exam.questions, unclosedAttempts.filter((a) => a.sessionId === session.id))
          : null;
      grades[exam.id] = { status, score };
    }
  }
  return {
    assignments: assignments.map((a) => ({ id: a.id, title: a.title, dueAt: a.dueAt })),
    exams: exams.map((e) => ({ id: e.id, title: e.title, closesAt: e.closesAt, totalPoints: e.questions.reduce((sum, q) => sum + q.points, 0) })),
    byStudent,
  };
}
