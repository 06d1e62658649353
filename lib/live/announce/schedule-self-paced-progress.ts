import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import { countActivePlayers } from '@/lib/live/views/count-active-players';
import { countFinishedPlayers } from '@/lib/live/views/count-finished-players';
import type { TQuestionProgress } from '@/lib/live/protocol/live-payloads';
import { debounce } from '@/lib/live/announce/live-timers';

/**
 * Self-paced: after an answer, the host's count of players who finished every question and the
 * live top ten, at most every half second per session and process.
 */
export function scheduleSelfPacedProgress(announce: LiveAnnouncer, sessionId: string): void {
  debounce(`${sessionId}:self-paced-progress`, 500, async () => {
    const [joined, finished] = await Promise.all([countActivePlayers(sessionId), countFinishedPlayers(sessionId)]);
    // questionIndex −1: the count is of players who finished every question, not of one question's answers.
    const progress: TQuestionProgress = { questionIndex: -1, answered: finished, joined };
    announce.hostProgress(sessionId, progress);
    await announce.leaderboard(sessionId, -1, false);
  });
}
