import type { Server } from 'socket.io';
import type { z } from 'zod';
import { getLogger } from '@/lib/log';
import { createRateLimiter } from '@/lib/rate-limit';
import { failOrphanedRuns } from './fail-orphaned-runs';
import { getChallengeLeaderboard } from './get-challenge-leaderboard';
import { startRun } from './start-run';
import { stopRun } from './stop-run';
import { submitChallengeEntry } from './submit-challenge-entry';
import { toTrainingAckError } from './to-training-ack-error';
import { TrainingError } from './training-error';
import { TRAINING_CLIENT_EVENTS, ZChallengeCommand, ZRunCommand, ZStartRun, ZSubmitEntry, challengeRoom, userRoom } from './training-events';
import { getTrainingRuntime, type TrainingPublisher } from './training-runtime';
import { watchRun } from './watch-run';

// Ten events a second per socket: far above a person clicking, low enough to blunt a flood.
const limiter = createRateLimiter({ name: 'training-socket', points: 10, durationSeconds: 1 });

/** Start, stop and watch runs; watch and enter challenges. Training itself runs in the worker pool. */
export function registerTrainingHandlers(io: Server): void {
  const publisher: TrainingPublisher = {
    toUser: (userId, event, payload) => io.to(userRoom(userId)).emit(event, payload),
    toChallenge: (challengeId, event, payload) => io.to(challengeRoom(challengeId)).emit(event, payload),
  };
  const runtime = getTrainingRuntime(publisher);
  failOrphanedRuns()
    .then((count) => count > 0 && getLogger().info(`training: marked ${count} unfinished runs of an earlier process as failed`))
    .catch((error: unknown) => getLogger().error({ err: error }, 'training: could not clean up unfinished runs'));

  io.on('connection', (socket) => {
    const handle = <S extends z.ZodType, R extends object>(event: string, schema: S, run: (input: z.infer<S>, userId: string) => Promise<R>) => {
      socket.on(event, async (...args: unknown[]) => {
        const last = args.at(-1);
        const ack = typeof last === 'function' ? (last as (response: unknown) => void) : () => {};
        try {
          await limiter.consume(socket.id);
          const userId: string | null = socket.data.userId ?? null;
          if (!userId) throw new TrainingError('UNAUTHORIZED', { ko: '로그인하세요(세션이 만료되었을 수 있습니다).', en: 'Please sign in (your session may have expired).' });
          // Rejoined on every event: another feature may have moved this socket between rooms.
          await socket.join(userRoom(userId));
          ack({ ok: true, ...(await run(schema.parse(args[0]), userId)) });
        } catch (error) {
          ack(toTrainingAckError(error, event));
        }
      });
    };

    if (socket.data.userId) void socket.join(userRoom(socket.data.userId));
    handle(TRAINING_CLIENT_EVENTS.start, ZStartRun, ({ config, forkedFromId, challengeId }, userId) => startRun({ runtime, userId, config, forkedFromId, challengeId }));
    handle(TRAINING_CLIENT_EVENTS.stop, ZRunCommand, ({ runId }, userId) => stopRun({ runtime, userId, runId }));
    handle(TRAINING_CLIENT_EVENTS.watch, ZRunCommand, async ({ runId }, userId) => ({ progress: await watchRun({ runtime, userId, runId }) }));
    handle(TRAINING_CLIENT_EVENTS.watchChallenge, ZChallengeCommand, async ({ challengeId }, userId) => {
      const leaderboard = await getChallengeLeaderboard({ userId, challengeId });
      await socket.join(challengeRoom(challengeId));
      return { leaderboard };
    });
    handle(TRAINING_CLIENT_EVENTS.submitEntry, ZSubmitEntry, ({ challengeId, runId }, userId) => submitChallengeEntry({ runtime, userId, challengeId, runId }));
  });
}
