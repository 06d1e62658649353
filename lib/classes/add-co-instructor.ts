import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { requireClassRole } from '@/lib/auth/require-role';
import { lockClassMembers } from '@/lib/classes/lock-class-members';

export interface AddCoInstructorOptions {
  actorId: string;
  classId: string;
  email: string;
}

export interface AddedInstructor {
  userId: string;
  name: string;
  /** True when the person was a student of the class and is now an instructor. */
  wasStudent: boolean;
}

/** Makes an existing account an instructor of the class (a student of it is promoted). Instructors only. */
export async function addCoInstructor({ actorId, classId, email }: AddCoInstructorOptions): Promise<AddedInstructor> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  return getDb().$transaction(async (tx) => {
    await lockClassMembers(tx, classId);
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true } });
    if (!user) throw new AppError('NOT_FOUND', 'No account uses this email. Ask them to sign up first, then add them again.');
    const existing = await tx.membership.findUnique({ where: { userId_classId: { userId: user.id, classId } }, select: { role: true } });
    if (existing?.role === 'INSTRUCTOR') throw new AppError('CONFLICT', 'This person is already an instructor of the class.');
    await tx.membership.upsert({
      where: { userId_classId: { userId: user.id, classId } },
      update: { role: 'INSTRUCTOR' },
      create: { userId: user.id, classId, role: 'INSTRUCTOR' },
    });
    return { userId: user.id, name: user.name, wasStudent: existing?.role === 'STUDENT' };
  });
}
