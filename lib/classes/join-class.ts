import type { Role } from '@/generated/prisma/enums';
import { countJoinAttempt } from '@/lib/accounts/rate-limits';
import { getDb } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { Localized } from '@/lib/i18n/locales';

export interface JoinClassOptions {
  userId: string;
  /** Already normalized by ZJoinCode (upper case, no spaces or dashes). */
  code: string;
}

const NO_CLASS_FOR_CODE: Localized = {
  ko: '이 코드의 수업이 없습니다. 강사에게 코드를 다시 확인하세요 (코드가 바뀌었을 수 있습니다).',
  en: 'No class has this join code. Check the code with your instructor (it may have been changed).',
};

export interface JoinedClass {
  classId: string;
  name: string;
  role: Role;
  alreadyMember: boolean;
}

/**
 * Joins the class with this code as a student. Joining again changes nothing (an instructor who
 * types their own code stays an instructor). Every attempt counts against the per-user join limit
 * (RATE_LIMITED when over it); an unknown code throws NOT_FOUND with reason `class-not-found`.
 */
export async function joinClass({ userId, code }: JoinClassOptions): Promise<JoinedClass> {
  await countJoinAttempt(userId);
  const db = getDb();
  const found = await db.class.findUnique({ where: { joinCode: code }, select: { id: true, name: true } });
  if (!found) {
    // The route answers this with a 200 `{ found: false }` (a typing mistake, not a failed request).
    throw new AppError('NOT_FOUND', NO_CLASS_FOR_CODE, { reason: 'class-not-found' });
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
