import type { TAnswer } from '@/engine/exercises';
import { getDb } from '@/lib/db';
import { LEADERBOARD_SIZE, buildLeaderboard } from '@/lib/live/views/build-leaderboard';
import { buildPlayerQuestion } from '@/lib/live/views/build-player-question';
import { getLiveStandings } from '@/lib/live/views/get-live-standings';
import { getPlayerResults } from '@/lib/live/views/get-player-results';
import { findPlayerStanding } from '@/lib/live/views/find-player-standing';
import { getPublicSession } from '@/lib/live/views/get-public-session';
import { getSelfPacedPosition, type SelfPacedPosition } from '@/lib/live/views/get-self-paced-position';
import { notJoined } from '@/lib/live/protocol/live-errors';
import type { TPlayerView } from '@/lib/live/protocol/live-payloads';
import { getLiveSessionRow } from '@/lib/live/state/get-live-session-row';
import { findTeamStandings } from '@/lib/live/views/find-team-standings';
import { findPredictTraining } from '@/lib/live/views/find-predict-training';
import { readPredictSetup } from '@/lib/live/state/read-predict-setup';

export interface GetPlayerViewOptions {
  sessionId: string;
  participantId: string;
  /** Self-paced: the participant's position when the caller has just computed it (a submit), else it is read. */
  selfPacedPosition?: SelfPacedPosition;
}

/**
 * Everything a (re)connecting player needs, rebuilt from the database: the current question with
 * their own variant, their stored answer, their last result and score. A reload or a server
 * restart lands them exactly where they were.
 */
export async function getPlayerView({ sessionId, participantId, selfPacedPosition }: GetPlayerViewOptions): Promise<TPlayerView> {
  const session = await getLiveSessionRow(sessionId);
  const publicSession = await getPublicSession(session);
  const you = await findPlayerStanding(sessionId, participantId);
  if (!you) throw notJoined();
  const view: TPlayerView = { session: publicSession, you, question: null, submission: null, result: null, leaderboard: null, training: null };
  if (session.mode === 'SELF_PACED' && session.state !== 'LOBBY') return fillSelfPacedView(view, sessionId, participantId, session.state, selfPacedPosition);
  if (session.currentIndex < 0) return view;

  const question = await getDb().liveQuestion.findUnique({
    where: { sessionId_index: { sessionId, index: session.currentIndex } },
    select: { id: true, index: true, typeId: true, timeLimitS: true, openedAt: true, closesAt: true, closedAt: true, predict: true, predictOutcome: true, reaskOf: { select: { index: true } } },
  });
  if (!question?.openedAt || !question.closesAt) return view;

  if (session.state === 'QUESTION' && !question.closedAt) {
    view.question = await buildPlayerQuestion({
      sessionId,
      participantId,
      questionCount: publicSession.questionCount,
      question: { ...question, openedAt: question.openedAt, closesAt: question.closesAt, talkS: publicSession.teams?.talkS ?? 0, reaskOf: question.reaskOf?.index ?? null, predict: readPredictSetup(question.predict) },
      team: you.team,
    });
    const answer = await getDb().liveAnswer.findUnique({
      where: { questionId_participantId: { questionId: question.id, participantId } },
      select: { answer: true, msToAnswer: true },
    });
    if (answer) view.submission = { questionIndex: question.index, answer: answer.answer as TAnswer, msToAnswer: answer.msToAnswer };
    return view;
  }

  if (question.closedAt) {
    view.result = await ownResult(view, sessionId, participantId, question.index);
    const training = await findPredictTraining(question);
    view.training = training && { ...training, picture: null };
    if (session.state === 'LEADERBOARD' || session.state === 'FINISHED') {
      const top = await getLiveStandings(sessionId, LEADERBOARD_SIZE);
      view.leaderboard = buildLeaderboard(top, you.participantCount, question.index, session.state === 'FINISHED', await findTeamStandings(sessionId));
    }
  }
  return view;
}

async function ownResult(view: TPlayerView, sessionId: string, participantId: string, index: number) {
  const { you } = view;
  const mine = { participantId, nickname: you.nickname, isGuest: false, score: you.score, streak: you.streak, totalAnswerMs: 0, team: you.team, rank: you.rank };
  const results = await getPlayerResults({ sessionId, index, standings: [mine], participantCount: you.participantCount });
  return results.get(participantId) ?? null;
}

/** Self-paced: the participant's own next question and clock, the result of their last one, the live top ten. */
async function fillSelfPacedView(
  view: TPlayerView,
  sessionId: string,
  participantId: string,
  state: TPlayerView['session']['state'],
  known: SelfPacedPosition | undefined,
): Promise<TPlayerView> {
  const position = known ?? (await getSelfPacedPosition(sessionId, participantId));
  if (state === 'QUESTION' && position.question && position.openedAt && position.closesAt) {
    view.question = await buildPlayerQuestion({
      sessionId,
      participantId,
      questionCount: position.questionCount,
      question: { ...position.question, openedAt: position.openedAt, closesAt: position.closesAt },
    });
  }
  if (position.lastIndex >= 0) view.result = await ownResult(view, sessionId, participantId, position.lastIndex);
  const top = await getLiveStandings(sessionId, LEADERBOARD_SIZE);
  view.leaderboard = buildLeaderboard(top, view.you.participantCount, position.lastIndex, state === 'FINISHED');
  return view;
}
