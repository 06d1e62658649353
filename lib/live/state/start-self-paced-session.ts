import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { stalePhase } from '@/lib/live/protocol/live-errors';

/**
 * Self-paced: every question opens at once and stays open until the session's deadline; each
 * student's own clock per question starts when they reach it (see getSelfPacedPosition).
 */
export async function startSelfPacedSession(sessionId: string, now = new Date()): Promise<{ deadline: Date }> {
  return getDb().$transaction(async (tx) => {
    const session = await tx.liveSession.findUnique({ where: { id: sessionId }, select: { deadline: true } });
    if (!session?.deadline) throw stalePhase();
    if (session.deadline.getTime() <= now.getTime()) {
      throw new AppError('CONFLICT', { ko: '마감 시간이 이미 지났습니다.', en: 'The deadline has already passed.' }, { reason: 'deadline-passed' });
    }
    const moved = await tx.liveSession.updateMany({ where: { id: sessionId, state: 'LOBBY', mode: 'SELF_PACED' }, data: { state: 'QUESTION', currentIndex: 0 } });
    if (moved.count === 0) throw stalePhase();
    await tx.liveQuestion.updateMany({ where: { sessionId }, data: { openedAt: now, closesAt: session.deadline } });
    return { deadline: session.deadline };
  });
}
