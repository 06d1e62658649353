import 'server-only';
import { requireClassRole } from '@/lib/auth/require-role';
import { examDeadline, examPhase, studentExamStatus, type ExamPhase, type StudentExamStatus } from '@/lib/course/exams/exam-rules';
import { getDb } from '@/lib/db';

/** A class's exams for its instructors (drafts included), newest window first, with how many began. */
export async function listClassExams({ actorId, classId }: { actorId: string; classId: string }) {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  return getDb().exam.findMany({
    where: { classId },
    select: { id: true, title: true, opensAt: true, closesAt: true, timeLimitMinutes: true, publishedAt: true, releasedAt: true, _count: { select: { sessions: true, questions: true } } },
    orderBy: [{ opensAt: 'desc' }, { createdAt: 'desc' }],
  });
}

export interface MyExam {
  id: string;
  title: string;
  className: string;
  opensAt: Date;
  closesAt: Date;
  timeLimitMinutes: number;
  phase: ExamPhase;
  status: StudentExamStatus;
  isReleased: boolean;
}

/** The published exams of the student's classes whose window closed less than a week ago (or later). */
export async function listMyExams(userId: string, now = new Date()): Promise<MyExam[]> {
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  const exams = await getDb().exam.findMany({
    where: { publishedAt: { not: null }, closesAt: { gt: weekAgo }, class: { memberships: { some: { userId, role: 'STUDENT' } } } },
    select: {
      id: true, title: true, opensAt: true, closesAt: true, timeLimitMinutes: true, publishedAt: true, releasedAt: true,
      class: { select: { name: true } },
      extensions: { where: { userId }, select: { extraMinutes: true } },
      sessions: { where: { userId }, select: { startedAt: true, endedAt: true, endReason: true } },
    },
    orderBy: { opensAt: 'asc' },
  });
  return exams.map((exam) => {
    const extra = exam.extensions[0]?.extraMinutes ?? 0;
    const session = exam.sessions[0] ?? null;
    const deadline = session ? examDeadline(exam, session.startedAt, extra) : null;
    return {
      id: exam.id,
      title: exam.title,
      className: exam.class.name,
      opensAt: exam.opensAt,
      closesAt: exam.closesAt,
      timeLimitMinutes: exam.timeLimitMinutes,
      phase: examPhase(exam, now, extra),
      status: studentExamStatus(session, deadline, now),
      isReleased: exam.releasedAt !== null,
    };
  });
}
