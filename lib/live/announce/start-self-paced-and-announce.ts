import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { getDb } from '@/lib/db';
import { armDeadlineTimer } from '@/lib/live/announce/arm-deadline-timer';
import { startSelfPacedSession } from '@/lib/live/state/start-self-paced-session';

/** Starts a self-paced session: everyone present gets their first question, with their own clock. */
export async function startSelfPacedAndAnnounce(announce: LiveAnnouncer, sessionId: string): Promise<void> {
  const startedAt = new Date();
  const { deadline } = await startSelfPacedSession(sessionId, startedAt);
  armDeadlineTimer(announce, sessionId, deadline);
  await announce.session(sessionId);
  const first = await getDb().liveQuestion.findUniqueOrThrow({ where: { sessionId_index: { sessionId, index: 0 } }, select: { typeId: true, timeLimitS: true } });
  const closesAt = new Date(Math.min(startedAt.getTime() + first.timeLimitS * 1000, deadline.getTime()));
  await announce.questionOpened(sessionId, { index: 0, typeId: first.typeId, timeLimitS: first.timeLimitS, openedAt: startedAt, closesAt });
}
