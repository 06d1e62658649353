import { getDb } from '@/lib/db';
import type { Localized } from '@/lib/i18n/locales';

/**
 * How a class member appears to classmates when the class shows nicknames: the nickname, else
 * "Student N" with N the student's place in join order (as the class leaderboard numbers them).
 */
export function publicLabel(nickname: string | null, studentNumber: number): Localized {
  return nickname ? { ko: nickname, en: nickname } : { ko: `학생 ${studentNumber}`, en: `Student ${studentNumber}` };
}

/** The public label of one member of a class (see publicLabel); instructors without a nickname are "Instructor". */
export async function getPublicLabel(classId: string, userId: string): Promise<Localized> {
  const db = getDb();
  const membership = await db.membership.findFirst({ where: { classId, userId }, select: { id: true, role: true, nickname: true, createdAt: true } });
  if (!membership) throw new Error(`user ${userId} is not a member of class ${classId}`);
  if (membership.role !== 'STUDENT') return membership.nickname ? publicLabel(membership.nickname, 0) : { ko: '강사', en: 'Instructor' };
  // Join order, ties by id: the same numbering as the class leaderboard.
  const before = await db.membership.count({
    where: {
      classId,
      role: 'STUDENT',
      OR: [{ createdAt: { lt: membership.createdAt } }, { createdAt: membership.createdAt, id: { lt: membership.id } }],
    },
  });
  return publicLabel(membership.nickname, before + 1);
}
