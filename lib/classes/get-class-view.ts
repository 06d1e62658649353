import type { Role } from '@/generated/prisma/enums';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';

export interface ClassMemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  nickname: string | null;
  joinedAt: Date;
}

interface ClassViewBase {
  id: string;
  name: string;
  showNicknames: boolean;
  /** The zone its instructors type due dates and exam windows in. */
  timeZone: string;
  instructorNames: string[];
  me: { userId: string; role: Role; nickname: string | null };
}

/** What an instructor sees: the join code and everyone's name and email. */
export interface InstructorClassView extends ClassViewBase {
  role: 'INSTRUCTOR';
  joinCode: string;
  members: ClassMemberView[];
}

/** What a student sees: no join code, no classmates' emails. */
export interface StudentClassView extends ClassViewBase {
  role: 'STUDENT';
  studentCount: number;
}

export type ClassView = InstructorClassView | StudentClassView;

export interface GetClassViewOptions {
  userId: string;
  classId: string;
}

/** The class as the user may see it; 403 for anyone who is not a member (existing class or not). */
export async function getClassView({ userId, classId }: GetClassViewOptions): Promise<ClassView> {
  const found = await getDb().class.findFirst({
    where: { id: classId, memberships: { some: { userId } } },
    select: {
      id: true,
      name: true,
      joinCode: true,
      showNicknames: true,
      timeZone: true,
      memberships: {
        // The enum is declared STUDENT, INSTRUCTOR: descending lists instructors first.
        orderBy: [{ role: 'desc' }, { createdAt: 'asc' }],
        select: { userId: true, role: true, nickname: true, createdAt: true, user: { select: { name: true, email: true } } },
      },
    },
  });
  if (!found) throw new AppError('FORBIDDEN', 'You are not a member of this class.');
  const mine = found.memberships.find((membership) => membership.userId === userId);
  if (!mine) throw new AppError('FORBIDDEN', 'You are not a member of this class.');
  const base: ClassViewBase = {
    id: found.id,
    name: found.name,
    showNicknames: found.showNicknames,
    timeZone: found.timeZone,
    instructorNames: found.memberships.filter((m) => m.role === 'INSTRUCTOR').map((m) => m.user.name),
    me: { userId, role: mine.role, nickname: mine.nickname },
  };
  if (mine.role === 'STUDENT') {
    return { ...base, role: 'STUDENT', studentCount: found.memberships.filter((m) => m.role === 'STUDENT').length };
  }
  return {
    ...base,
    role: 'INSTRUCTOR',
    joinCode: found.joinCode,
    members: found.memberships.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, nickname: m.nickname, joinedAt: m.createdAt })),
  };
}
