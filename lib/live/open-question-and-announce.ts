import type { Namespace } from 'socket.io';
import { armQuestionTimer } from '@/lib/live/arm-question-timer';
import { broadcastQuestionOpened, broadcastSession } from '@/lib/live/live-broadcasts';
import { openLiveQuestion } from '@/lib/live/open-live-question';

export async function openQuestionAndAnnounce(io: Namespace, sessionId: string, index: number): Promise<void> {
  const opened = await openLiveQuestion({ sessionId, index });
  armQuestionTimer(io, sessionId, index, opened.closesAt);
  await broadcastSession(io, sessionId);
  await broadcastQuestionOpened(io, sessionId, opened);
}
