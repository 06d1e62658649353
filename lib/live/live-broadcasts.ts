import type { Namespace } from 'socket.io';
import { LEADERBOARD_SIZE, buildLeaderboard } from '@/lib/live/build-leaderboard';
import { buildPlayerQuestion } from '@/lib/live/build-player-question';
import { getLiveStandings } from '@/lib/live/get-live-standings';
import { getPlayerResults } from '@/lib/live/get-player-results';
import { getPublicSession } from '@/lib/live/get-public-session';
import { getQuestionProgress } from '@/lib/live/get-question-progress';
import { getQuestionResults } from '@/lib/live/get-question-results';
import { LIVE_SERVER_EVENTS, hostRoom, participantRoom, sessionRoom } from '@/lib/live/live-events';
import type { THostLobbyChange, THostQuestion } from '@/lib/live/live-payloads';
import { exerciseTitle, projectorPrompt } from '@/lib/live/live-variant';
import { getLiveSessionRow } from '@/lib/live/require-live-host';
import { getDb } from '@/lib/db';

// The emits of the live protocol, built per recipient. Room-wide events carry only status,
// counts, nicknames and points; anything about a variant or an answer goes to the one
// participant's room (`participant:<id>`), which the Redis adapter routes across processes.
// Kept together because they are one protocol, each a few lines.

/** Generating 2,000 variants takes seconds: yield to the event loop between batches so acks keep flowing. */
const EMIT_BATCH = 50;

export async function broadcastSession(io: Namespace, sessionId: string): Promise<void> {
  const session = await getLiveSessionRow(sessionId);
  io.to(sessionRoom(sessionId)).emit(LIVE_SERVER_EVENTS.session, await getPublicSession(session));
}

export interface QuestionToAnnounce {
  index: number;
  typeId: string;
  timeLimitS: number;
  openedAt: Date;
  closesAt: Date;
}

/** Each active player gets their own variant; the host gets the question without any variant. */
export async function broadcastQuestionOpened(io: Namespace, sessionId: string, question: QuestionToAnnounce): Promise<void> {
  const db = getDb();
  const [participants, questionCount] = await Promise.all([
    db.liveParticipant.findMany({ where: { sessionId, kicked: false }, select: { id: true } }),
    db.liveQuestion.count({ where: { sessionId } }),
  ]);
  const hostQuestion: THostQuestion = {
    index: question.index,
    typeId: question.typeId,
    title: exerciseTitle(question.typeId),
    prompt: projectorPrompt(sessionId, question.index, question.typeId),
    timeLimitS: question.timeLimitS,
    openedAt: question.openedAt.toISOString(),
    closesAt: question.closesAt.toISOString(),
    closedAt: null,
    serverNow: new Date().toISOString(),
  };
  io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostQuestion, hostQuestion);
  io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostProgress, { questionIndex: question.index, answered: 0, joined: participants.length });
  for (let start = 0; start < participants.length; start += EMIT_BATCH) {
    for (const { id } of participants.slice(start, start + EMIT_BATCH)) {
      io.to(participantRoom(id)).emit(LIVE_SERVER_EVENTS.question, await buildPlayerQuestion({ sessionId, participantId: id, questionCount, question }));
    }
    await yieldToEventLoop();
  }
}

/** Results: the host gets the class-wide histogram, each player their own result and rank. */
export async function broadcastQuestionClosed(io: Namespace, sessionId: string, index: number): Promise<void> {
  const [results, standings] = await Promise.all([getQuestionResults(sessionId, index), getLiveStandings(sessionId)]);
  if (results) io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostResults, results);
  const playerResults = await getPlayerResults({ sessionId, index, standings, participantCount: standings.length });
  let sent = 0;
  for (const [participantId, result] of playerResults) {
    io.to(participantRoom(participantId)).emit(LIVE_SERVER_EVENTS.result, result);
    if (++sent % EMIT_BATCH === 0) await yieldToEventLoop();
  }
}

export async function broadcastLeaderboard(io: Namespace, sessionId: string, afterIndex: number, isFinal: boolean): Promise<void> {
  const [top, participantCount] = await Promise.all([
    getLiveStandings(sessionId, LEADERBOARD_SIZE),
    getDb().liveParticipant.count({ where: { sessionId, kicked: false } }),
  ]);
  io.to(sessionRoom(sessionId)).emit(LIVE_SERVER_EVENTS.leaderboard, buildLeaderboard(top, participantCount, afterIndex, isFinal));
}

export async function broadcastProgress(io: Namespace, sessionId: string, index: number): Promise<{ answered: number; joined: number }> {
  const progress = await getQuestionProgress(sessionId, index);
  io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostProgress, progress);
  return progress;
}

export function broadcastLobbyChange(io: Namespace, sessionId: string, change: THostLobbyChange): void {
  io.to(hostRoom(sessionId)).emit(LIVE_SERVER_EVENTS.hostLobby, change);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
