import { getDb } from '@/lib/db';
import { stalePhase } from '@/lib/live/protocol/live-errors';

export interface OpenLiveQuestionOptions {
  sessionId: string;
  index: number;
  now?: Date;
}

export interface OpenedLiveQuestion {
  questionId: string;
  index: number;
  typeId: string;
  timeLimitS: number;
  openedAt: Date;
  closesAt: Date;
}

/**
 * Opens question `index` (the one after the current). The session row is updated only when it is
 * still where the host saw it, so a double click or two hosts cannot open a question twice.
 * closesAt is stored: the deadline survives a restart and every process enforces the same one.
 */
export async function openLiveQuestion({ sessionId, index, now = new Date() }: OpenLiveQuestionOptions): Promise<OpenedLiveQuestion> {
  return getDb().$transaction(async (tx) => {
    const moved = await tx.liveSession.updateMany({
      where: { id: sessionId, currentIndex: index - 1, state: { in: index === 0 ? ['LOBBY'] : ['RESULTS', 'LEADERBOARD'] } },
      data: { state: 'QUESTION', currentIndex: index },
    });
    if (moved.count === 0) throw stalePhase();
    const question = await tx.liveQuestion.findUnique({ where: { sessionId_index: { sessionId, index } }, select: { id: true, timeLimitS: true, openedAt: true } });
    if (!question || question.openedAt) throw stalePhase();
    const closesAt = new Date(now.getTime() + question.timeLimitS * 1000);
    const opened = await tx.liveQuestion.update({
      where: { id: question.id },
      data: { openedAt: now, closesAt },
      select: { id: true, index: true, typeId: true, timeLimitS: true },
    });
    return { questionId: opened.id, index: opened.index, typeId: opened.typeId, timeLimitS: opened.timeLimitS, openedAt: now, closesAt };
  });
}
