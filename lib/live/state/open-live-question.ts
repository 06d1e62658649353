import { getDb } from '@/lib/db';
import { stalePhase } from '@/lib/live/protocol/live-errors';
import { assignSessionTeams } from '@/lib/live/state/assign-session-teams';
import { readPredictSetup } from '@/lib/live/state/read-predict-setup';
import type { TPredictSetup } from '@/lib/live/protocol/predict-setup';

export interface OpenLiveQuestionOptions {
  sessionId: string;
  index: number;
  now?: Date;
}

export interface OpenedLiveQuestion {
  questionId: string;
  index: number;
  typeId: string;
  timeLimitS: number;
  /** When answers are taken from (after the team talk, if any). */
  openedAt: Date;
  closesAt: Date;
  /** Seconds the question is shown before openedAt (team talk; 0: none). */
  talkS: number;
  /** A follow-up: the question it re-asks and the mistake. */
  reaskOf: { index: number; mistake: string } | null;
  /** A predict-then-train question's setup; null for an exercise. */
  predict: TPredictSetup | null;
}

/**
 * Opens question `index` (the one after the current). The session row is updated only when it is
 * still where the host saw it, so a double click or two hosts cannot open a question twice.
 * closesAt is stored: the deadline survives a restart and every process enforces the same one.
 * In team mode the first question deals the teams (same transaction: nobody answers teamless), and
 * a team talk moves openedAt (when answers are taken and the speed clock starts) `talkS` later.
 */
export async function openLiveQuestion({ sessionId, index, now = new Date() }: OpenLiveQuestionOptions): Promise<OpenedLiveQuestion> {
  return getDb().$transaction(async (tx) => {
    const moved = await tx.liveSession.updateMany({
      where: { id: sessionId, currentIndex: index - 1, state: { in: index === 0 ? ['LOBBY'] : ['RESULTS', 'LEADERBOARD'] } },
      data: { state: 'QUESTION', currentIndex: index },
    });
    if (moved.count === 0) throw stalePhase();
    const question = await tx.liveQuestion.findUnique({ where: { sessionId_index: { sessionId, index } }, select: { id: true, timeLimitS: true, openedAt: true } });
    if (!question || question.openedAt) throw stalePhase();
    const session = await tx.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { teamAssign: true, teamTalkS: true } });
    if (session.teamAssign && index === 0) await assignSessionTeams(tx, sessionId);
    const talkS = session.teamAssign ? session.teamTalkS : 0;
    const openedAt = new Date(now.getTime() + talkS * 1000);
    const closesAt = new Date(openedAt.getTime() + question.timeLimitS * 1000);
    const opened = await tx.liveQuestion.update({
      where: { id: question.id },
      data: { openedAt, closesAt },
      select: { id: true, index: true, typeId: true, timeLimitS: true, reaskMistake: true, predict: true, reaskOf: { select: { index: true } } },
    });
    return { questionId: opened.id, index: opened.index, typeId: opened.typeId, timeLimitS: opened.timeLimitS, openedAt, closesAt, talkS, reaskOf: opened.reaskOf && opened.reaskMistake ? { index: opened.reaskOf.index, mistake: opened.reaskMistake } : null, predict: readPredictSetup(opened.predict) };
  });
}
