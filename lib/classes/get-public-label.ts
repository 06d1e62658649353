import { getDb } from '@/lib/db';
import type { Localized } from '@/lib/i18n/locales';

/**
 * How a class member appears to classmates when the class shows nicknames: the nickname, else
 * "Student N" with N the student's place in join order (as the class leaderboard numbers them).
 */
export function publicLabel(nickname: string | null, studentNumber: number): Localized {
  return nickname ? { ko: nickname, en: nickname } : { ko: `학생 ${studentNumber}`, en: `Student ${studentNumber}` };
}

const INSTRUCTOR_LABEL: Localized = { ko: '강사', en: 'Instructor' };

export interface LabelledMember {
  id: string;
  userId: string;
  role: 'STUDENT' | 'INSTRUCTOR';
  nickname: string | null;
  createdAt: Date;
}

/** The public label of every member of a class at once (see publicLabel), students numbered in join order. */
export function publicLabels(members: readonly LabelledMember[]): Map<string, Localized> {
  const students = members
    .filter((member) => member.role === 'STUDENT')
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const labels = new Map(students.map((member, index) => [member.userId, publicLabel(member.nickname, index + 1)]));
  for (const member of members) if (member.role !== 'STUDENT') labels.set(member.userId, member.nickname ? publicLabel(member.nickname, 0) : INSTRUCTOR_LABEL);
  return labels;
}

/** The public label of one member of a class (see publicLabel); instructors without a nickname are "Instructor". */
export async function getPublicLabel(classId: string, userId: string): Promise<Localized> {
  const db = getDb();
  const membership = await db.membership.findFirst({ where: { classId, userId }, select: { id: true, role: true, nickname: true, createdAt: true } });
  if (!membership) throw new Error(`user ${userId} is not a member of class ${classId}`);
  if (membership.role !== 'STUDENT') return membership.nickname ? publicLabel(membership.nickname, 0) : INSTRUCTOR_LABEL;
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

export interface GetLabelForViewerOptions {
  classId: string;
  /** Who is looking. */
  viewerId: string;
  /** Who is shown. */
  userId: string;
}

/**
 * How one member appears to another in a class's context: their real name when the class does not
 * use nicknames, to the class's instructors, and to themselves; otherwise their public label.
 */
export async function getLabelForViewer({ classId, viewerId, userId }: GetLabelForViewerOptions): Promise<Localized> {
  const db = getDb();
  const [klass, viewer, user] = await Promise.all([
    db.class.findUniqueOrThrow({ where: { id: classId }, select: { showNicknames: true } }),
    db.membership.findUnique({ where: { userId_classId: { userId: viewerId, classId } }, select: { role: true } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } }),
  ]);
  if (viewerId === userId || !klass.showNicknames || viewer?.role === 'INSTRUCTOR') return { ko: user.name, en: user.name };
  return getPublicLabel(classId, userId);
}
