import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import { withUniqueJoinCode } from '@/lib/classes/with-unique-join-code';

export interface RotateJoinCodeOptions {
  actorId: string;
  classId: string;
}

/** A new join code for the class; the old one stops working at once. Instructors only. */
export async function rotateJoinCode({ actorId, classId }: RotateJoinCodeOptions): Promise<{ joinCode: string }> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  return withUniqueJoinCode((joinCode) => getDb().class.update({ where: { id: classId }, data: { joinCode }, select: { joinCode: true } }));
}
