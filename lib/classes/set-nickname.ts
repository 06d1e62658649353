import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { requireClassRole } from '@/lib/auth/require-role';

export interface SetNicknameOptions {
  userId: string;
  classId: string;
  /** Empty clears the nickname. */
  nickname: string;
}

// "Student 7" / "학생 7" is what the leaderboard calls students without a nickname.
const RESERVED = /^(student|학생)\s*\d+$/i;

/** A member's own nickname in one class, shown on leaderboards when the instructor turns nicknames on. */
export async function setNickname({ userId, classId, nickname }: SetNicknameOptions): Promise<{ nickname: string | null }> {
  await requireClassRole(userId, classId);
  const value = nickname === '' ? null : nickname;
  if (value && RESERVED.test(value)) {
    throw new AppError('BAD_REQUEST', 'Pick a nickname other than "Student N" (those name students without one).', {
      fieldErrors: { nickname: ['Pick a nickname other than "Student N".'] },
    });
  }
  if (value) {
    // Two "Neo"s on one leaderboard would be confusing; case and spacing do not make a new name.
    const taken = await getDb().membership.findFirst({
      where: { classId, userId: { not: userId }, nickname: { equals: value, mode: 'insensitive' } },
      select: { id: true },
    });
    if (taken) throw new AppError('CONFLICT', 'Someone in this class already uses this nickname.', { fieldErrors: { nickname: ['Someone in this class already uses this nickname.'] } });
  }
  return getDb().membership.update({ where: { userId_classId: { userId, classId } }, data: { nickname: value }, select: { nickname: true } });
}
