import { getDb } from '@/lib/db';
import { requireClassRole } from '@/lib/auth/require-role';
import type { TCreateChallenge } from './challenge-schema';
import { AppError } from '@/lib/errors';

export interface CreateChallengeOptions {
  userId: string;
  input: TCreateChallenge;
}

/** An instructor of the class opens a challenge, optionally inside one of their live sessions of that class. */
export async function createChallenge({ userId, input }: CreateChallengeOptions): Promise<{ id: string }> {
  await requireClassRole(userId, input.classId, 'INSTRUCTOR');
  if (input.closesAt.getTime() <= Date.now()) {
    throw new AppError('BAD_REQUEST', { ko: '마감 시각은 미래여야 합니다.', en: 'The closing time must be in the future.' }, { fieldErrors: { closesAt: ['must be in the future'] } });
  }
  if (input.sessionId) {
    const session = await getDb().liveSession.findFirst({ where: { id: input.sessionId, classId: input.classId, hostId: userId }, select: { id: true } });
    if (!session) throw new AppError('NOT_FOUND', { ko: '이 수업에서 내가 진행하는 라이브 세션이 아닙니다.', en: 'That live session is not one of yours in this class.' });
  }
  return getDb().challenge.create({
    data: {
      classId: input.classId,
      sessionId: input.sessionId ?? null,
      createdById: userId,
      title: input.title,
      model: input.model,
      task: input.task,
      maxParams: input.maxParams,
      maxSeconds: input.maxSeconds,
      closesAt: input.closesAt,
    },
    select: { id: true },
  });
}
