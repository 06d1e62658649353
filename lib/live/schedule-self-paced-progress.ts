import type { Namespace } from 'socket.io';
import { getDb } from '@/lib/db';
import { countFinishedPlayers } from '@/lib/live/count-finished-players';
import { broadcastLeaderboard } from '@/lib/live/live-broadcasts';
import { LIVE_SERVER_EVENTS, hostRoom } from '@/lib/live/live-events';
import type { TQuestionProgress } from '@/lib/live/live-payloads';
import { debounce } from '@/lib/live/live-timers';

/**
 * Self-paced: after an answer, the host's count of players who finished every question and the
 * live top ten, at most every half second per session and process.
 */
export function scheduleSelfPacedProgress(io: Namespace, sessionId: string): void {
  debounce(`${sessionId}:self-paced-progress`, 500, async () => {
    const [joined, finished] = await Promise.all([getDb().liveParticipant.count({ where: { sessionId, kicked: false } }), countFinishedPlayers(sessionId)]);
    // questionIndex −1: the count is of players who finished every question, not of one question's answers.
    const progress: TQuestionProgress = { questionIndex: -1, answered: finished, joined };
    io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostProgress, progress);
    await broadcastLeaderboard(io, sessionId, -1, false);
  });
}
