import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getCourseOutline, type OutlineUnit } from '@/lib/dashboard/get-course-outline';
import { findAttemptSummaries, type AttemptSummary } from '@/lib/gradebook/find-attempt-summaries';
import { findStudentLiveResults, type StudentLiveSession } from '@/lib/gradebook/find-student-live-results';

export interface StudentAttemptView {
  typeId: string;
  round: number;
  score: number;
  isCorrect: boolean;
  mistake: string | null;
  createdAt: Date;
}

export interface StudentRecord {
  classId: string;
  student: { userId: string; name: string; nickname: string | null };
  units: OutlineUnit[];
  summaries: AttemptSummary[];
  /** The latest attempts, newest first. */
  recentAttempts: StudentAttemptView[];
  /** The class's finished live sessions the student played, newest first. */
  liveSessions: StudentLiveSession[];
}

export interface GetStudentRecordOptions {
  actorId: string;
  classId: string;
  studentId: string;
}

const RECENT_ATTEMPTS = 50;

/**
 * One student's exercise record as seen through a class: by an instructor of that class, or by the
 * student themself. A classmate gets 403, the same as a stranger.
 */
export async function getStudentRecord({ actorId, classId, studentId }: GetStudentRecordOptions): Promise<StudentRecord> {
  const db = getDb();
  const memberships = await db.membership.findMany({
    where: { classId, userId: { in: [actorId, studentId] } },
    select: { userId: true, role: true, nickname: true, user: { select: { name: true } } },
  });
  const actor = memberships.find((membership) => membership.userId === actorId);
  const canSee = actor && (actor.role === 'INSTRUCTOR' || actorId === studentId);
  if (!canSee) throw new AppError('FORBIDDEN', "Only the class's instructors and the student can see this record.");
  const student = memberships.find((membership) => membership.userId === studentId && membership.role === 'STUDENT');
  if (!student) throw new AppError('NOT_FOUND', 'This person is not a student of the class.');

  const [units, summaries, recent, liveSessions] = await Promise.all([
    getCourseOutline(),
    findAttemptSummaries({ userIds: [studentId] }),
    db.attempt.findMany({
      where: { userId: studentId },
      orderBy: { createdAt: 'desc' },
      take: RECENT_ATTEMPTS,
      select: { typeId: true, round: true, score: true, correct: true, mistake: true, createdAt: true },
    }),
    findStudentLiveResults(classId, studentId),
  ]);
  return {
    classId,
    student: { userId: studentId, name: student.user.name, nickname: student.nickname },
    units,
    summaries,
    recentAttempts: recent.map(({ correct, ...attempt }) => ({ ...attempt, isCorrect: correct })),
    liveSessions,
  };
}
