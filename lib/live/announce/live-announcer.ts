import type { Namespace } from 'socket.io';
import { getDb } from '@/lib/db';
import { LIVE_SERVER_EVENTS, hostRoom, participantRoom, sessionRoom } from '@/lib/live/protocol/live-events';
import type { THostLobbyChange, TPaceMeter, TPredictTraining, TQuestionProgress } from '@/lib/live/protocol/live-payloads';
import type { TPredictSetup } from '@/lib/live/protocol/predict-setup';
import { followPredictTraining, trainPredictionAndAnnounce } from '@/lib/live/announce/train-prediction-and-announce';
import type { LiveClientToServer, LiveServerToClient } from '@/lib/live/protocol/live-protocol';
import { getLiveSessionRow } from '@/lib/live/state/get-live-session-row';
import { LEADERBOARD_SIZE, buildLeaderboard } from '@/lib/live/views/build-leaderboard';
import { buildHostQuestion } from '@/lib/live/views/build-host-question';
import { buildPlayerQuestion } from '@/lib/live/views/build-player-question';
import { countActivePlayers } from '@/lib/live/views/count-active-players';
import { findQuestionResults } from '@/lib/live/views/find-question-results';
import { findTeamStandings } from '@/lib/live/views/find-team-standings';
import { getLiveStandings } from '@/lib/live/views/get-live-standings';
import { getPlayerResults } from '@/lib/live/views/get-player-results';
import { getPublicSession } from '@/lib/live/views/get-public-session';
import { getQuestionProgress } from '@/lib/live/views/get-question-progress';

// The emits of the live protocol, built per recipient. Room-wide events carry only status,
// counts, nicknames and points; anything about a variant or an answer goes to the one
// participant's room (`participant:<id>`), which the Redis adapter routes across processes.
// The announcer is built once from the /live namespace (registerLiveHandlers) and is the only
// thing that emits: the services that announce take it instead of the namespace, and every emit is
// typed by the protocol module (LiveServerToClient).

/** The /live namespace with the protocol's event types. */
export type LiveNamespace = Namespace<LiveClientToServer, LiveServerToClient>;

export interface QuestionToAnnounce {
  index: number;
  typeId: string;
  timeLimitS: number;
  openedAt: Date;
  closesAt: Date;
  /** Team talk: seconds shown before openedAt. */
  talkS?: number;
  /** A follow-up: the question it re-asks and the mistake. */
  reaskOf?: { index: number; mistake: string } | null;
  /** A predict-then-train question's setup. */
  predict?: TPredictSetup | null;
}

export interface LiveAnnouncer {
  /** Room-wide: the session's public status. */
  session(sessionId: string): Promise<void>;
  /** Each active player gets their own variant; the host gets the question without any variant. */
  questionOpened(sessionId: string, question: QuestionToAnnounce): Promise<void>;
  /**
   * A question closed. Results: the host gets the class-wide histogram, each player their own result
   * and rank. A predict-then-train question trains first (streamed with `training`); its results
   * follow once the outcome is decided.
   */
  questionClosed(sessionId: string, index: number): Promise<void>;
  /**
   * A prediction question's training, if undecided and nobody alive follows it (after a restart,
   * or when its follower died): follow it here. 'undecided' while it still trains, wherever.
   */
  followTraining(sessionId: string, index: number): Promise<'undecided' | 'settled'>;
  /** The results of a closed question (the second half of questionClosed). */
  results(sessionId: string, index: number): Promise<void>;
  /** Room-wide: a prediction question's training without the picture; the host gets it with the picture. */
  training(sessionId: string, training: TPredictTraining): void;
  /** Host: the anonymous pace meter. */
  pace(sessionId: string, meter: TPaceMeter): void;
  /** Room-wide: the top ten (and the teams in team mode). */
  leaderboard(sessionId: string, afterIndex: number, isFinal: boolean): Promise<void>;
  /** Host: how many have answered question `index` (counted now); returns the counts. */
  progress(sessionId: string, index: number): Promise<{ answered: number; joined: number }>;
  /** Host: progress counted by the caller (self-paced: players who finished). */
  hostProgress(sessionId: string, progress: TQuestionProgress): void;
  /** Host: a player joined or left the lobby. */
  lobbyChange(sessionId: string, change: THostLobbyChange): void;
  /** The removed player is told, and their sockets (on any process) leave the session's rooms. */
  kicked(sessionId: string, participantId: string): void;
}

/** Generating 2,000 variants takes seconds: yield to the event loop between batches so acks keep flowing. */
const EMIT_BATCH = 50;

export function createLiveAnnouncer(io: LiveNamespace): LiveAnnouncer {
  const announcer: LiveAnnouncer = {
    async session(sessionId) {
      const session = await getLiveSessionRow(sessionId);
      io.to(sessionRoom(sessionId)).emit(LIVE_SERVER_EVENTS.session, await getPublicSession(session));
    },

    async questionOpened(sessionId, question) {
      const db = getDb();
      const [participants, questionCount] = await Promise.all([
        db.liveParticipant.findMany({ where: { sessionId, kicked: false }, select: { id: true, team: true } }),
        db.liveQuestion.count({ where: { sessionId } }),
      ]);
      const hostQuestion = buildHostQuestion(sessionId, { ...question, closedAt: null, talkS: question.talkS ?? 0, reaskOf: question.reaskOf ?? null });
      const playerQuestion = { ...question, reaskOf: question.reaskOf?.index ?? null };
      io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostQuestion, hostQuestion);
      io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostProgress, { questionIndex: question.index, answered: 0, joined: participants.length });
      for (let start = 0; start < participants.length; start += EMIT_BATCH) {
        for (const { id, team } of participants.slice(start, start + EMIT_BATCH)) {
          io.to(participantRoom(id)).emit(LIVE_SERVER_EVENTS.question, await buildPlayerQuestion({ sessionId, participantId: id, questionCount, question: playerQuestion, team }));
        }
        await yieldToEventLoop();
      }
    },

    async questionClosed(sessionId, index) {
      if (await trainPredictionAndAnnounce(announcer, sessionId, index)) return;
      await announcer.results(sessionId, index);
    },

    async followTraining(sessionId, index) {
      const follow = await followPredictTraining(announcer, sessionId, index);
      return follow === 'following-here' || follow === 'followed-elsewhere' ? 'undecided' : 'settled';
    },

    async results(sessionId, index) {
      const [results, standings] = await Promise.all([findQuestionResults(sessionId, index), getLiveStandings(sessionId)]);
      if (results) io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostResults, results);
      const playerResults = await getPlayerResults({ sessionId, index, standings, participantCount: standings.length });
      let sent = 0;
      for (const [participantId, result] of playerResults) {
        io.to(participantRoom(participantId)).emit(LIVE_SERVER_EVENTS.result, result);
        if (++sent % EMIT_BATCH === 0) await yieldToEventLoop();
      }
    },

    async leaderboard(sessionId, afterIndex, isFinal) {
      const [top, participantCount, teams] = await Promise.all([getLiveStandings(sessionId, LEADERBOARD_SIZE), countActivePlayers(sessionId), findTeamStandings(sessionId)]);
      io.to(sessionRoom(sessionId)).emit(LIVE_SERVER_EVENTS.leaderboard, buildLeaderboard(top, participantCount, afterIndex, isFinal, teams));
    },

    async progress(sessionId, index) {
      const progress = await getQuestionProgress(sessionId, index);
      io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostProgress, progress);
      return progress;
    },

    hostProgress(sessionId, progress) {
      io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostProgress, progress);
    },

    training(sessionId, training) {
      io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostTrain, training);
      io.to(sessionRoom(sessionId)).except(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.train, { ...training, picture: null });
    },

    pace(sessionId, meter) {
      io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostPace, meter);
    },

    lobbyChange(sessionId, change) {
      io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostLobby, change);
    },

    kicked(sessionId, participantId) {
      io.to(participantRoom(participantId)).emit(LIVE_SERVER_EVENTS.kicked, { sessionId });
      io.in(participantRoom(participantId)).socketsLeave([sessionRoom(sessionId), participantRoom(participantId)]);
    },
  };
  return announcer;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
