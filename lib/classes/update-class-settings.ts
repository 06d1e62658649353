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
  timeZone: string;
}

/**
 * Renames the class, switches leaderboards to nicknames and/or sets the time zone in which its
 * instructors type due dates and exam windows (stored instants do not move). Instructors only.
 */
export async function updateClassSettings({ actorId, classId, name, showNicknames, timeZone }: UpdateClassSettingsOptions): Promise<ClassSettings> {
  await requireClassRole(actorId, classId, 'INSTRUCTOR');
  return getDb().class.update({ where: { id: classId }, data: { name, showNicknames, timeZone }, select: { name: true, showNicknames: true, timeZone: true } });
}
