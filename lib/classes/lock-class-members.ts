import type { Prisma } from '@/generated/prisma/client';

/**
 * Row-locks the class for the rest of the transaction, so concurrent membership changes in one
 * class run one after another (two instructors removing each other cannot both succeed).
 */
export async function lockClassMembers(tx: Prisma.TransactionClient, classId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Class" WHERE id = ${classId} FOR UPDATE`;
}
