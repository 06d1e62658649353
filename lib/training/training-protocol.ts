import type { z } from 'zod';
import type { AdjustableKnob } from '@/engine/playground/config-schema';
import type { RunProgress, RunStatusName } from '@/engine/playground/types';
import type { TAck } from '@/lib/errors';
import type { ChallengeLeaderboard } from '@/lib/training/challenges/get-challenge-leaderboard';
import { TRAINING_CLIENT_EVENTS, TRAINING_SERVER_EVENTS } from '@/lib/training/training-events';
import type { TStartRun, ZChallengeCommand, ZRunCommand, ZSetKnob, ZSubmitEntry } from '@/lib/training/training-events';

// The /training protocol as types, the twin of lib/live/protocol/live-protocol.ts: every client →
// server event with its input and the `ok: true` fields of its acknowledgement, and every server →
// client event with its payload. registerTrainingHandlers and the browser's training socket
// (components/playground/training-socket.ts) both use it, so neither can drift from the other and
// no call site names an ack type of its own. Type-only imports: nothing here reaches a client chunk
// but the event names.

export interface TStartedRun {
  runId: string;
  /** 0: training now; n: n-th in the waiting line. */
  position: number;
  params: number;
  totalEpochs: number;
}

export interface TrainingClientEventMap {
  [TRAINING_CLIENT_EVENTS.start]: { input: TStartRun; ack: TStartedRun };
  [TRAINING_CLIENT_EVENTS.stop]: { input: z.infer<typeof ZRunCommand>; ack: { status: RunStatusName; isStopping: boolean } };
  [TRAINING_CLIENT_EVENTS.watch]: { input: z.infer<typeof ZRunCommand>; ack: { progress: RunProgress } };
  /** Change a running run's learning rate or weight decay from its next epoch (owner only). */
  [TRAINING_CLIENT_EVENTS.setKnob]: { input: z.infer<typeof ZSetKnob>; ack: { knob: AdjustableKnob; value: number; fromEpoch: number } };
  [TRAINING_CLIENT_EVENTS.watchChallenge]: { input: z.infer<typeof ZChallengeCommand>; ack: { leaderboard: ChallengeLeaderboard } };
  [TRAINING_CLIENT_EVENTS.submitEntry]: { input: z.infer<typeof ZSubmitEntry>; ack: { entryId: string; position: number } };
}

export type TrainingClientEvent = keyof TrainingClientEventMap;
export type TrainingInput<E extends TrainingClientEvent> = TrainingClientEventMap[E]['input'];
export type TrainingAckOf<E extends TrainingClientEvent> = TAck<TrainingClientEventMap[E]['ack']>;

/** Client → server, in socket.io's shape: `(input, ack) => void`. */
export type TrainingClientToServer = { [E in TrainingClientEvent]: (input: TrainingInput<E>, ack: (response: TrainingAckOf<E>) => void) => void };

/** Server → client: to `user:<id>` (a user's own runs) or `challenge:<id>` (anyone watching it). */
export interface TrainingServerToClient {
  hello: (hello: { authenticated: boolean }) => void;
  [TRAINING_SERVER_EVENTS.progress]: (progress: RunProgress) => void;
  /** Something on the challenge's leaderboard changed: fetch it again with challenge:watch. */
  [TRAINING_SERVER_EVENTS.leaderboard]: (change: { challengeId: string }) => void;
}
