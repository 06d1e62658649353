import type { Namespace } from 'socket.io';
import { getDb } from '@/lib/db';
import { endSessionAndAnnounce } from '@/lib/live/end-session-and-announce';
import { broadcastQuestionOpened, broadcastSession } from '@/lib/live/live-broadcasts';
import { armTimer } from '@/lib/live/live-timers';
import { startSelfPacedSession } from '@/lib/live/start-self-paced-session';

export function armDeadlineTimer(io: Namespace, sessionId: string, deadline: Date): void {
  armTimer(`${sessionId}:deadline`, deadline, () => endSessionAndAnnounce(io, sessionId));
}

/** Starts a self-paced session: everyone present gets their first question, with their own clock. */
export async function startSelfPacedAndAnnounce(io: Namespace, sessionId: string): Promise<void> {
  const startedAt = new Date();
  const { deadline } = await startSelfPacedSession(sessionId, startedAt);
  armDeadlineTimer(io, sessionId, deadline);
  await broadcastSession(io, sessionId);
  const first = await getDb().liveQuestion.findUniqueOrThrow({ where: { sessionId_index: { sessionId, index: 0 } }, select: { typeId: true, timeLimitS: true } });
  const closesAt = new Date(Math.min(startedAt.getTime() + first.timeLimitS * 1000, deadline.getTime()));
  await broadcastQuestionOpened(io, sessionId, { index: 0, typeId: first.typeId, timeLimitS: first.timeLimitS, openedAt: startedAt, closesAt });
}
