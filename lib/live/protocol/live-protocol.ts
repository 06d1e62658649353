import type { z } from 'zod';
import { LIVE_CLIENT_EVENTS, LIVE_SERVER_EVENTS } from '@/lib/live/protocol/live-events';
import type {
  TCorrectnessView,
  THello,
  THostLobbyChange,
  THostQuestion,
  THostView,
  TLeaderboard,
  TPaceMeter,
  TLiveAck,
  TPlayerQuestion,
  TPlayerResult,
  TPlayerView,
  TPredictTraining,
  TPublicSession,
  TQuestionProgress,
  TQuestionResults,
  TSubmitAck,
} from '@/lib/live/protocol/live-payloads';
import type { THostAdvance, THostReask, TLiveEnter, TPaceSignal, TPickTeam, TSubmitLiveAnswer, ZHostKick, ZHostLock, ZHostSessionCommand } from '@/lib/live/protocol/live-schemas';

// The live protocol as types: every client → server event with its input and the `ok: true`
// fields of its acknowledgement, and every server → client event with its payload. The server's
// handlers and the browser's hooks both use these, so neither can drift from the other (and no
// call site names an ack type of its own). Type-only imports: nothing here reaches a client chunk
// but the event names.

type TSessionCommand = z.infer<typeof ZHostSessionCommand>;

export interface LiveClientEventMap {
  [LIVE_CLIENT_EVENTS.enter]: { input: TLiveEnter; ack: { view: TPlayerView } };
  [LIVE_CLIENT_EVENTS.submit]: { input: TSubmitLiveAnswer; ack: TSubmitAck };
  [LIVE_CLIENT_EVENTS.next]: { input: TLiveEnter; ack: { view: TPlayerView } };
  [LIVE_CLIENT_EVENTS.hostEnter]: { input: TSessionCommand; ack: { view: THostView } };
  [LIVE_CLIENT_EVENTS.hostAdvance]: { input: THostAdvance; ack: Record<string, never> };
  [LIVE_CLIENT_EVENTS.hostEnd]: { input: TSessionCommand; ack: Record<string, never> };
  [LIVE_CLIENT_EVENTS.hostLock]: { input: z.infer<typeof ZHostLock>; ack: { locked: boolean } };
  [LIVE_CLIENT_EVENTS.hostKick]: { input: z.infer<typeof ZHostKick>; ack: Record<string, never> };
  [LIVE_CLIENT_EVENTS.hostCorrectness]: { input: TSessionCommand; ack: { view: TCorrectnessView } };
  [LIVE_CLIENT_EVENTS.hostReask]: { input: THostReask; ack: { index: number } };
  [LIVE_CLIENT_EVENTS.pickTeam]: { input: TPickTeam; ack: { team: number } };
  [LIVE_CLIENT_EVENTS.pace]: { input: TPaceSignal; ack: { kind: TPaceSignal['kind'] } };
}

export type LiveClientEvent = keyof LiveClientEventMap;
export type LiveInput<E extends LiveClientEvent> = LiveClientEventMap[E]['input'];
export type LiveAckOf<E extends LiveClientEvent> = TLiveAck<LiveClientEventMap[E]['ack']>;

/** Client → server, in socket.io's shape: `(input, ack) => void`. */
export type LiveClientToServer = { [E in LiveClientEvent]: (input: LiveInput<E>, ack: (response: LiveAckOf<E>) => void) => void };

/** Server → client. */
export interface LiveServerToClient {
  hello: (hello: THello) => void;
  [LIVE_SERVER_EVENTS.session]: (session: TPublicSession) => void;
  [LIVE_SERVER_EVENTS.question]: (question: TPlayerQuestion) => void;
  [LIVE_SERVER_EVENTS.result]: (result: TPlayerResult) => void;
  [LIVE_SERVER_EVENTS.leaderboard]: (leaderboard: TLeaderboard) => void;
  [LIVE_SERVER_EVENTS.kicked]: (kicked: { sessionId: string }) => void;
  [LIVE_SERVER_EVENTS.hostQuestion]: (question: THostQuestion) => void;
  [LIVE_SERVER_EVENTS.hostProgress]: (progress: TQuestionProgress) => void;
  [LIVE_SERVER_EVENTS.hostResults]: (results: TQuestionResults) => void;
  [LIVE_SERVER_EVENTS.hostLobby]: (change: THostLobbyChange) => void;
  [LIVE_SERVER_EVENTS.hostPace]: (meter: TPaceMeter) => void;
  [LIVE_SERVER_EVENTS.train]: (training: TPredictTraining) => void;
  [LIVE_SERVER_EVENTS.hostTrain]: (training: TPredictTraining) => void;
}
