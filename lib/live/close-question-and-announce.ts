import type { Namespace } from 'socket.io';
import { closeLiveQuestion } from '@/lib/live/close-live-question';
import { broadcastQuestionClosed, broadcastSession } from '@/lib/live/live-broadcasts';
import { prewarmVariants } from '@/lib/live/prewarm-variants';

/** Closes question `index` (once, whoever gets there first) and tells everyone their results. */
export async function closeQuestionAndAnnounce(io: Namespace, sessionId: string, index: number): Promise<boolean> {
  const closed = await closeLiveQuestion({ sessionId, index });
  if (!closed) return false;
  await broadcastSession(io, sessionId);
  await broadcastQuestionClosed(io, sessionId, index);
  prewarmVariants(sessionId, index + 1);
  return true;
}
