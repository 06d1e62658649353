import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { getDb } from '@/lib/db';
import { armQuestionTimer } from '@/lib/live/announce/arm-question-timer';
import { getLogger } from '@/lib/log';
import { armDeadlineTimer } from '@/lib/live/announce/arm-deadline-timer';
import { workTimerTakeovers } from '@/lib/live/announce/live-timer-jobs';

/**
 * At boot: re-arm the deadline of every question still open, and of every running self-paced
 * session. A deadline that passed while the server was down fires right away (stored answers count).
 * From then on this process also takes over the deadlines of processes that died (live-timer-jobs).
 */
export async function rearmLiveTimers(announce: LiveAnnouncer): Promise<number> {
  const db = getDb();
  const [open, selfPaced] = await Promise.all([
    db.liveQuestion.findMany({
      where: { openedAt: { not: null }, closedAt: null, closesAt: { not: null }, session: { state: 'QUESTION', mode: 'INSTRUCTOR_PACED' } },
      select: { sessionId: true, index: true, closesAt: true },
    }),
    db.liveSession.findMany({ where: { state: 'QUESTION', mode: 'SELF_PACED', deadline: { not: null } }, select: { id: true, deadline: true } }),
  ]);
  for (const question of open) if (question.closesAt) armQuestionTimer(announce, question.sessionId, question.index, question.closesAt);
  for (const session of selfPaced) if (session.deadline) armDeadlineTimer(announce, session.id, session.deadline);
  await workTimerTakeovers(announce);
  const count = open.length + selfPaced.length;
  if (count > 0) getLogger().info(`live: re-armed ${count} deadline(s)`);
  return count;
}
