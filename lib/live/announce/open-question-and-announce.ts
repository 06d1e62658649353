import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { armQuestionTimer } from '@/lib/live/announce/arm-question-timer';
import { openLiveQuestion } from '@/lib/live/state/open-live-question';

export async function openQuestionAndAnnounce(announce: LiveAnnouncer, sessionId: string, index: number): Promise<void> {
  const opened = await openLiveQuestion({ sessionId, index });
  armQuestionTimer(announce, sessionId, index, opened.closesAt);
  await announce.session(sessionId);
  await announce.questionOpened(sessionId, opened);
}
