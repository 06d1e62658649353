import type { Namespace } from 'socket.io';
import type { z } from 'zod';
import { getLogger } from '@/lib/log';
import { createRateLimiter } from '@/lib/rate-limit';
import { onEvent } from '@/lib/realtime/on-event';
import { getChallengeLeaderboard } from './challenges/get-challenge-leaderboard';
import { startRun } from './runs/start-run';
import { setRunKnob } from './runs/set-run-knob';
import { stopRun } from './runs/stop-run';
import { submitChallengeEntry } from './challenges/submit-challenge-entry';
import { TRAINING_CLIENT_EVENTS, ZChallengeCommand, ZRunCommand, ZSetKnob, ZStartRun, ZSubmitEntry, challengeRoom, userRoom } from './training-events';
import { getTrainingRuntime, type TrainingPublisher } from './runtime/training-runtime';
import { watchRun } from './runs/watch-run';
import type { TrainingClientEvent, TrainingClientEventMap, TrainingInput } from './training-protocol';

// Ten events a second per socket: far above a person clicking, low enough to blunt a flood.
const limiter = createRateLimiter({ name: 'training-socket', points: 10, durationSeconds: 1 });

/** Start, stop and watch runs; watch and enter challenges. Training itself runs in the worker pool. */
export function registerTrainingHandlers(io: Namespace): void {
  const publisher: TrainingPublisher = {
    toUser: (userId, event, payload) => io.to(userRoom(userId)).emit(event, payload),
    toChallenge: (challengeId, event, payload) => io.to(challengeRoom(challengeId)).emit(event, payload),
  };
  const runtime = getTrainingRuntime(publisher);
  runtime.ready.catch((error: unknown) => getLogger().error({ err: error }, 'training: the job queue could not start'));

  io.on('connection', (socket) => {
    // Typed by the protocol module: the event's input schema and its ack are those the browser expects.
    const handle = <E extends TrainingClientEvent>(
      event: E,
      schema: z.ZodType<TrainingInput<E>>,
      run: (input: TrainingInput<E>, userId: string) => Promise<TrainingClientEventMap[E]['ack']>,
    ) => onEvent(socket, event, schema, (input, { userId }) => run(input, userId), { limiter, requireUser: true });

    // The training namespace's rooms are its own: a user's room is joined once, on connection.
    if (socket.data.userId) void socket.join(userRoom(socket.data.userId));
    handle(TRAINING_CLIENT_EVENTS.start, ZStartRun, ({ config, forkedFromId, challengeId }, userId) => startRun({ runtime, userId, config, forkedFromId, challengeId }));
    handle(TRAINING_CLIENT_EVENTS.stop, ZRunCommand, ({ runId }, userId) => stopRun({ runtime, userId, runId }));
    handle(TRAINING_CLIENT_EVENTS.setKnob, ZSetKnob, ({ runId, knob, value }, userId) => setRunKnob({ userId, runId, knob, value }));
    handle(TRAINING_CLIENT_EVENTS.watch, ZRunCommand, async ({ runId }, userId) => ({ progress: await watchRun({ runtime, userId, runId }) }));
    handle(TRAINING_CLIENT_EVENTS.watchChallenge, ZChallengeCommand, async ({ challengeId }, userId) => {
      const leaderboard = await getChallengeLeaderboard({ userId, challengeId });
      await socket.join(challengeRoom(challengeId));
      return { leaderboard };
    });
    handle(TRAINING_CLIENT_EVENTS.submitEntry, ZSubmitEntry, ({ challengeId, runId }, userId) => submitChallengeEntry({ runtime, userId, challengeId, runId }));
  });
}
