import 'server-only';
import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import type { TAssignmentInput } from '@/lib/course/assignments/assignment-schemas';
import { validateAssignmentInput, type ValidAssignment } from '@/lib/course/assignments/validate-assignment-input';

const NOT_FOUND = { ko: '과제를 찾을 수 없습니다.', en: 'Assignment not found.' };

function rowData(valid: ValidAssignment, publishedAt: Date | null) {
  const { items, isPublished, ...fields } = valid;
  void isPublished;
  return {
    ...fields,
    publishedAt,
    items: { create: items.map((item, position) => ({ ...item, position })) },
  };
}

async function classTimeZone(classId: string): Promise<string> {
  const found = await getDb().class.findUnique({ where: { id: classId }, select: { timeZone: true } });
  return found?.timeZone ?? 'Asia/Seoul';
}

/** Creates an assignment in a class (instructors); published now when asked. */
export async function createAssignment({ actorId, classId, input, locale }: { actorId: string; classId: string; input: TAssignmentInput; locale: Locale }): Promise<{ id: string }> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  const valid = await validateAssignmentInput(input, await classTimeZone(classId), locale);
  return getDb().assignment.create({ data: { classId, ...rowData(valid, valid.isPublished ? new Date() : null) }, select: { id: true } });
}

/** The assignment's class, for an instructor of it; 404 for anyone else (no hint that it exists). */
export async function requireAssignmentInstructor(actorId: string, assignmentId: string, locale: Locale): Promise<{ classId: string; publishedAt: Date | null }> {
  const found = await getDb().assignment.findFirst({
    where: { id: assignmentId, class: { memberships: { some: { userId: actorId, role: 'INSTRUCTOR' } } } },
    select: { classId: true, publishedAt: true },
  });
  if (!found) throw new AppError('NOT_FOUND', NOT_FOUND[locale]);
  return found;
}

/**
 * Replaces an assignment's fields and items. Work already done is never touched: progress is
 * computed from the attempts in the new window, so an edit re-evaluates every student.
 */
export async function updateAssignment({ actorId, assignmentId, input, locale }: { actorId: string; assignmentId: string; input: TAssignmentInput; locale: Locale }): Promise<{ id: string }> {
  const { classId, publishedAt } = await requireAssignmentInstructor(actorId, assignmentId, locale);
  const valid = await validateAssignmentInput(input, await classTimeZone(classId), locale);
  const nextPublishedAt = valid.isPublished ? (publishedAt ?? new Date()) : null;
  return getDb().$transaction(async (tx) => {
    await tx.assignmentItem.deleteMany({ where: { assignmentId } });
    return tx.assignment.update({ where: { id: assignmentId }, data: rowData(valid, nextPublishedAt), select: { id: true } });
  });
}

/** Deletes an assignment and its gradebook column; the students' attempts stay (they belong to the exercises). */
export async function deleteAssignment({ actorId, assignmentId, locale }: { actorId: string; assignmentId: string; locale: Locale }): Promise<void> {
  await requireAssignmentInstructor(actorId, assignmentId, locale);
  await getDb().assignment.delete({ where: { id: assignmentId } });
}
