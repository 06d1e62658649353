import type { Prisma } from '@/generated/prisma/client';
import { MAX_ATTEMPTS_PER_VARIANT } from '@/lib/exercises/current-round';

export interface FindLatestAttemptsOptions {
  db: Prisma.TransactionClient;
  userId: string;
  typeId: string;
}

export const LATEST_ATTEMPT_SELECT = {
  id: true,
  typeId: true,
  round: true,
  seed: true,
  answer: true,
  correct: true,
  clientSubmissionId: true,
  createdAt: true,
} as const satisfies Prisma.AttemptSelect;

export type LatestAttempt = Prisma.AttemptGetPayload<{ select: typeof LATEST_ATTEMPT_SELECT }>;

/**
 * The student's newest attempts on one type, newest first. A round never holds more than
 * MAX_ATTEMPTS_PER_VARIANT attempts, so these include every attempt of the latest round.
 */
export function findLatestAttempts({ db, userId, typeId }: FindLatestAttemptsOptions): Promise<LatestAttempt[]> {
  return db.attempt.findMany({
    where: { userId, typeId },
    orderBy: [{ round: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_ATTEMPTS_PER_VARIANT,
    select: LATEST_ATTEMPT_SELECT,
  });
}
