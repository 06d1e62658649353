import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { lockClassMembers } from '@/lib/classes/lock-class-members';

export interface RemoveMemberOptions {
  actorId: string;
  classId: string;
  userId: string;
}

/**
 * Removes a member from a class: an instructor may remove anyone, any member may leave. The last
 * instructor cannot go (the class would be unmanageable). The student's attempts stay: they
 * belong to the student, not to the class.
 */
export async function removeMember({ actorId, classId, userId }: RemoveMemberOptions): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockClassMembers(tx, classId);
    const actor = await tx.membership.findUnique({ where: { userId_classId: { userId: actorId, classId } }, select: { role: true } });
    if (!actor) throw new AppError('FORBIDDEN', 'You are not a member of this class.');
    if (actor.role !== 'INSTRUCTOR' && actorId !== userId) throw new AppError('FORBIDDEN', 'Only an instructor of this class can do that.');
    const target = await tx.membership.findUnique({ where: { userId_classId: { userId, classId } }, select: { id: true, role: true } });
    if (!target) throw new AppError('NOT_FOUND', 'This person is not a member of the class.');
    if (target.role === 'INSTRUCTOR') {
      const instructors = await tx.membership.count({ where: { classId, role: 'INSTRUCTOR' } });
      if (instructors <= 1) throw new AppError('CONFLICT', 'A class needs at least one instructor: add a co-instructor first.');
    }
    await tx.membership.delete({ where: { id: target.id } });
  });
}
