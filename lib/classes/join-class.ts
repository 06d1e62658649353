import type { Role } from '@/generated/prisma/enums';
import { countJoinAttempt } from '@/lib/accounts/rate-limits';
import { getDb } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';

export interface JoinClassOptions {
  userId: string;
  /** Already normalized by ZJoinCode (upper case, no spaces or dashes). */
  code: string;
}

export interface JoinedClass {
  classId: string;
  name: string;
  role: Role;
  alreadyMember: boolean;
}

/**
 * Joins the class with this code as a student. Joining again changes nothing (an instructor who
 * types their own code stays an instructor).
 */
export async function joinClass({ userId, code }: JoinClassOptions): Promise<JoinedClass> {
  await countJoinAttempt(userId);
  const db = getDb();
  const found = await db.class.findUnique({ where: { joinCode: code }, select: { id: true, name: true } });
  if (!found) {
    throw new AppError('NOT_FOUND', 'No class has this join code. Check the code with your instructor (it may have been changed).');
  }
  const existing = await db.membership.findUnique({ where: { userId_classId: { userId, classId: found.id } }, select: { role: true } });
  if (existing) return { classId: found.id, name: found.name, role: existing.role, alreadyMember: true };
  try {
    await db.membership.create({ data: { userId, classId: found.id, role: 'STUDENT' } });
  } catch (error) {
    // A double click sends two joins at once: the loser of the race is a member all the same.
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.membership.findUniqueOrThrow({ where: { userId_classId: { userId, classId: found.id } }, select: { role: true } });
    return { classId: found.id, name: found.name, role: winner.role, alreadyMember: true };
  }
  return { classId: found.id, name: found.name, role: 'STUDENT', alreadyMember: false };
}
