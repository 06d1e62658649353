import type { Role } from '@/generated/prisma/enums';
import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/db';

/** Throws 403 unless `userId` holds `role` (or any role when omitted) in the class. */
export async function requireClassRole(userId: string, classId: string, role?: Role): Promise<{ role: Role }> {
  const membership = await getDb().membership.findUnique({
    where: { userId_classId: { userId, classId } },
    select: { role: true },
  });
  if (!membership || (role && membership.role !== role)) {
    throw new AppError('FORBIDDEN', role === 'INSTRUCTOR' ? 'Only an instructor of this class can do that.' : 'You are not a member of this class.');
  }
  return membership;
}
