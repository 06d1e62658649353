import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { getDb } from '@/lib/db';
import { armQuestionTimer } from '@/lib/live/announce/arm-question-timer';
import { getLogger } from '@/lib/log';
import { armDeadlineTimer } from '@/lib/live/announce/arm-deadline-timer';
import { scheduleTrainingCheck, workTimerTakeovers } from '@/lib/live/announce/live-timer-jobs';
import { Prisma } from '@/generated/prisma/client';

/**
 * At boot: re-arm the deadline of every question still open, and of every running self-paced
 * session. A deadline that passed while the server was down fires right away (stored answers count).
 * A prediction question whose training was cut off (closed, outcome undecided) is followed again:
 * its runs to the end, or the round ends as failed.
 * From then on this process also takes over the deadlines of processes that died (live-timer-jobs).
 */
export async function rearmLiveTimers(announce: LiveAnnouncer): Promise<number> {
  const db = getDb();
  const [open, selfPaced, training] = await Promise.all([
    db.liveQuestion.findMany({
      where: { openedAt: { not: null }, closedAt: null, closesAt: { not: null }, session: { state: 'QUESTION', mode: 'INSTRUCTOR_PACED' } },
      select: { sessionId: true, index: true, closesAt: true },
    }),
    db.liveSession.findMany({ where: { state: 'QUESTION', mode: 'SELF_PACED', deadline: { not: null } }, select: { id: true, deadline: true } }),
    // Prediction questions closed but not decided: their follower stopped (this process, before a restart, or another one).
    db.liveQuestion.findMany({
      where: { closedAt: { not: null }, predict: { not: Prisma.DbNull }, predictOutcome: { equals: Prisma.DbNull } },
      select: { sessionId: true, index: true },
    }),
  ]);
  for (const question of open) if (question.closesAt) armQuestionTimer(announce, question.sessionId, question.index, question.closesAt);
  for (const session of selfPaced) if (session.deadline) armDeadlineTimer(announce, session.id, session.deadline);
  await workTimerTakeovers(announce);
  for (const question of training) {
    // Resumes the training here, unless a live process follows it; either way, checked again until decided.
    try {
      if ((await announce.followTraining(question.sessionId, question.index)) === 'undecided') scheduleTrainingCheck(question.sessionId, question.index);
    } catch (error) {
      getLogger().error({ err: error, sessionId: question.sessionId, index: question.index }, 'live: could not resume a prediction’s training (the check job retries)');
      scheduleTrainingCheck(question.sessionId, question.index);
    }
  }
  const count = open.length + selfPaced.length;
  if (count > 0) getLogger().info(`live: re-armed ${count} deadline(s)`);
  if (training.length > 0) getLogger().info(`live: resumed ${training.length} prediction training(s)`);
  return count;
}
