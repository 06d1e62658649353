import { requireClassRole } from '@/lib/auth/require-role';
import { getDb } from '@/lib/db';
import type { TClassSettings } from '@/lib/classes/class-schemas';

export interface UpdateClassSettingsOptions extends TClassSettings {
  actorId: string;
  classId: string;
}

export interface ClassSettings {
  name: string;
  showNicknames: boolean;
}

/** Renames the class and/or switches leaderboards to nicknames. Instructors only. */
export async function updateClassSettings({ actorId, classId, name, showNicknames }: UpdateClassSettingsOptions): Promise<ClassSettings> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  return getDb().class.update({ where: { id: classId }, data: { name, showNicknames }, select: { name: true, showNicknames: true } });
}
