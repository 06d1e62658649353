import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { closeLiveQuestion } from '@/lib/live/state/close-live-question';
import { prewarmVariants } from '@/lib/live/variants/prewarm-variants';

/** Closes question `index` (once, whoever gets there first) and tells everyone their results. */
export async function closeQuestionAndAnnounce(announce: LiveAnnouncer, sessionId: string, index: number): Promise<boolean> {
  const closed = await closeLiveQuestion({ sessionId, index });
  if (!closed) return false;
  await announce.session(sessionId);
  await announce.questionClosed(sessionId, index);
  prewarmVariants(sessionId, index + 1);
  return true;
}
