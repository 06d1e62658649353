import type { Server } from 'socket.io';
import { getDb } from '@/lib/db';
import { armQuestionTimer } from '@/lib/live/arm-question-timer';
import { getLogger } from '@/lib/log';

/**
 * At boot: re-arm the deadline of every question still open. A question whose deadline passed
 * while the server was down closes right away (its stored answers all count).
 */
export async function rearmLiveTimers(io: Server): Promise<number> {
  const open = await getDb().liveQuestion.findMany({
    where: { openedAt: { not: null }, closedAt: null, closesAt: { not: null }, session: { state: 'QUESTION' } },
    select: { sessionId: true, index: true, closesAt: true },
  });
  for (const question of open) if (question.closesAt) armQuestionTimer(io, question.sessionId, question.index, question.closesAt);
  if (open.length > 0) getLogger().info(`live: re-armed ${open.length} question deadline(s)`);
  return open.length;
}
