import { getDb } from '@/lib/db';
import { countFinishedPlayers } from '@/lib/live/views/count-finished-players';
import { LEADERBOARD_SIZE, buildLeaderboard } from '@/lib/live/views/build-leaderboard';
import { getLiveStandings } from '@/lib/live/views/get-live-standings';
import { getPublicSession } from '@/lib/live/views/get-public-session';
import { getQuestionProgress } from '@/lib/live/views/get-question-progress';
import { findQuestionResults } from '@/lib/live/views/find-question-results';
import type { THostView } from '@/lib/live/protocol/live-payloads';
import { exerciseTitle } from '@/lib/live/variants/live-variant';
import type { LiveSessionRow } from '@/lib/live/state/get-live-session-row';
import { getPaceMeter } from '@/lib/live/views/get-pace-meter';
import { buildHostQuestion } from '@/lib/live/views/build-host-question';
import { findTeamStandings } from '@/lib/live/views/find-team-standings';
import { findPredictTraining } from '@/lib/live/views/find-predict-training';
import { readPredictSetup } from '@/lib/live/state/read-predict-setup';

/** The host's whole screen, rebuilt from the database (after a reload or a restart as well). */
export async function getHostView(session: LiveSessionRow): Promise<THostView> {
  const db = getDb();
  const [publicSession, questions, standings] = await Promise.all([
    getPublicSession(session),
    db.liveQuestion.findMany({
      where: { sessionId: session.id },
      orderBy: { index: 'asc' },
      select: { id: true, index: true, typeId: true, timeLimitS: true, openedAt: true, closesAt: true, closedAt: true, reaskMistake: true, predict: true, predictOutcome: true, reaskOf: { select: { index: true } } },
    }),
    getLiveStandings(session.id),
  ]);
  const current = session.currentIndex >= 0 ? questions.find((question) => question.index === session.currentIndex) : undefined;
  const view: THostView = {
    session: { ...publicSession, pin: session.pin, classId: session.classId, unitId: session.unitId, endedAt: session.endedAt?.toISOString() ?? null },
    questions: questions.map(({ index, typeId, timeLimitS, reaskOf }) => ({ index, typeId, title: exerciseTitle(typeId), timeLimitS, reaskOf: reaskOf?.index ?? null })),
    participants: standings.map(({ participantId, nickname, isGuest, score, team }) => ({ id: participantId, nickname, isGuest, score, team })),
    question: current
      ? buildHostQuestion(session.id, {
          ...current,
          talkS: publicSession.teams?.talkS ?? 0,
          reaskOf: current.reaskOf && current.reaskMistake ? { index: current.reaskOf.index, mistake: current.reaskMistake } : null,
          predict: readPredictSetup(current.predict),
        })
      : null,
    progress: current ? await getQuestionProgress(session.id, current.index) : null,
    results: current?.closedAt ? await findQuestionResults(session.id, current.index) : null,
    leaderboard: null,
    pace: await getPaceMeter(session.id, session.currentIndex),
    training: current ? await findPredictTraining(current) : null,
  };
  if (session.mode === 'SELF_PACED' && session.state !== 'LOBBY') {
    // Self-paced: the host follows who has finished and the live top ten, not one question.
    view.progress = { questionIndex: -1, answered: await countFinishedPlayers(session.id), joined: standings.length };
    view.results = null;
  }
  if (session.state === 'LEADERBOARD' || session.state === 'FINISHED' || (session.mode === 'SELF_PACED' && session.state === 'QUESTION')) {
    view.leaderboard = buildLeaderboard(standings.slice(0, LEADERBOARD_SIZE), standings.length, session.currentIndex, session.state === 'FINISHED', await findTeamStandings(session.id));
  }
  return view;
}
