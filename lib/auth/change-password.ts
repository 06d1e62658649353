import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { TChangePassword } from '@/lib/accounts/change-password-schema';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createRateLimiter } from '@/lib/rate-limit';
import { disconnectSessionSockets } from '@/lib/realtime/auth-rooms';

// Guessing the current password here is as limited as at sign-in.
const attemptsPerUser = () => createRateLimiter({ name: 'password-change:user', points: 5, durationSeconds: 60 });

export interface ChangePasswordOptions extends TChangePassword {
  userId: string;
  /** The session making the change: it stays signed in, every other one is ended. */
  sessionId: string | null;
}

/**
 * Sets a new password and ends every other session of the user (the session version goes up; the
 * caller re-issues its own token under the returned version). A wrong current password is a 400.
 */
export async function changePassword({ userId, sessionId, currentPassword, newPassword }: ChangePasswordOptions): Promise<{ sessionVersion: number }> {
  await attemptsPerUser().consume(userId);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError(
      'BAD_REQUEST',
      { ko: '현재 비밀번호가 맞지 않습니다.', en: 'The current password is not correct.' },
      { reason: 'wrong-password', fieldErrors: { currentPassword: ['The current password is not correct.'] } },
    );
  }
  const updated = await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await attemptsPerUser().reset(userId);
  disconnectSessionSockets({ userId, exceptSessionId: sessionId });
  return updated;
}
