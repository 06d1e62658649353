import { getDb } from '@/lib/db';
import { getLogger } from '@/lib/log';
import { seedForLive } from '@/lib/exercises/keyed-seeds';
import { divergedEpoch } from '@/engine/playground/training-hooks';
import type { RunProgress } from '@/engine/playground/types';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { getTrainingRuntime } from '@/lib/training/runtime/training-runtime';
import { startRun } from '@/lib/training/runs/start-run';
import { watchRun } from '@/lib/training/runs/watch-run';
import type { LiveAnnouncer } from '@/lib/live/announce/live-announcer';
import type { TPredictTraining } from '@/lib/live/protocol/live-payloads';
import type { TPredictSetup } from '@/lib/live/protocol/predict-setup';
import { chanceLoss, decidePrediction, judgeRun, type RunVerdict } from '@/lib/live/state/decide-prediction';
import { readPredictSetup } from '@/lib/live/state/read-predict-setup';
import { scorePredictions } from '@/lib/live/state/score-predictions';
import { buildPredictTraining, type PredictRunState } from '@/lib/live/views/build-predict-training';
import { countPredictions } from '@/lib/live/views/count-predictions';
import { forgetTraining, isTrainingHere, rememberTraining } from '@/lib/live/views/predict-training-progress';
import { tryTakeTrainingLease } from '@/lib/live/state/predict-training-lease';
import { scheduleTrainingCheck } from '@/lib/live/announce/live-timer-jobs';

/** The seed's participant slot: no player id can be it (see PROJECTOR_PARTICIPANT). */
export const PREDICT_SEED_PARTICIPANT = 'predict-train';
/** How often the runs are read and, when they moved, streamed. */
const POLL_MS = 400;
/** Give up on runs that have not finished after this long (a worker lost with its process). */
const GIVE_UP_MS = 5 * 60_000;
const CLAIMED = 'claimed';

/** The seed every run of a prediction question trains with: keyed, so nobody can train it beforehand. */
export function predictSeed(sessionId: string, index: number): number {
  return seedForLive(sessionId, index, PREDICT_SEED_PARTICIPANT) >>> 1;
}

/** Where a prediction question's training stands for the caller. */
export type TrainingFollow = 'not-prediction' | 'decided' | 'following-here' | 'followed-elsewhere';

/**
 * When a predict-then-train question has closed and its outcome is not decided yet: trains its
 * configuration(s) through the training service (startRun: the worker pool, off the event loop),
 * streams the curves to the room while they train, decides the outcome by the rules, scores the
 * predictions and then announces the results. Returns false for any other question (the caller
 * announces its results at once).
 */
export async function trainPredictionAndAnnounce(announce: LiveAnnouncer, sessionId: string, index: number): Promise<boolean> {
  const follow = await followPredictTraining(announce, sessionId, index);
  return follow === 'following-here' || follow === 'followed-elsewhere';
}

/**
 * One live process follows a question's training: the one holding its lease (an advisory lock on
 * a connection of its own: predict-training-lease.ts). The first to take it trains; a process that
 * takes it later — after a restart (rearmLiveTimers), or another web process when the follower died
 * (the 'follow-training' check job, every TRAINING_CHECK_MS while undecided) — follows the runs
 * already started to the end, or ends the round as failed when they cannot finish.
 */
export async function followPredictTraining(announce: LiveAnnouncer, sessionId: string, index: number): Promise<TrainingFollow> {
  const question = await getDb().liveQuestion.findUnique({
    where: { sessionId_index: { sessionId, index } },
    select: { id: true, predict: true, closedAt: true, predictOutcome: true, session: { select: { hostId: true } } },
  });
  const setup = readPredictSetup(question?.predict);
  if (!question || !setup || !question.closedAt) return 'not-prediction';
  if (question.predictOutcome !== null) return 'decided';
  if (isTrainingHere(question.id)) return 'following-here';
  const lease = await tryTakeTrainingLease(question.id);
  // A live process follows it; its announcements reach every process's sockets (the adapter).
  if (!lease) return 'followed-elsewhere';
  try {
    const fresh = await getDb().liveQuestion.findUnique({ where: { id: question.id }, select: { predictRunIds: true, predictOutcome: true } });
    if (!fresh || fresh.predictOutcome !== null) {
      await lease.release();
      return 'decided';
    }
    const claimed = await getDb().liveQuestion.updateMany({ where: { id: question.id, predictRunIds: { isEmpty: true } }, data: { predictRunIds: [CLAIMED] } });
    // Claimed now: train. Claimed before (by a process that died, or this one before a restart): follow those runs to the end.
    const existing = claimed.count === 1 ? null : fresh.predictRunIds.filter((id) => id !== CLAIMED);
    if (existing) getLogger().info({ sessionId, index, runIds: existing }, 'live: took over a prediction’s training');
    rememberTraining(question.id, buildPredictTraining({ questionIndex: index, setup, status: 'training', votes: await countPredictions(question.id), runs: [], outcome: null }));
    // Should this process die before the outcome is in, another one takes over.
    scheduleTrainingCheck(sessionId, index);
    const job = { announce, sessionId, index, questionId: question.id, hostId: question.session.hostId, setup };
    void trainAndDecide(job, existing)
      .catch((error: unknown) => {
        getLogger().error({ err: error, sessionId, index }, 'live: predict-then-train failed');
        forgetTraining(question.id);
      })
      .finally(() => void lease.release());
    return 'following-here';
  } catch (error) {
    await lease.release();
    throw error;
  }
}

interface TrainJob {
  announce: LiveAnnouncer;
  sessionId: string;
  index: number;
  questionId: string;
  hostId: string;
  setup: TPredictSetup;
}

async function trainAndDecide(job: TrainJob, existingRunIds: string[] | null): Promise<void> {
  const { announce, sessionId, index, questionId, hostId, setup } = job;
  const runtime = getTrainingRuntime();
  const votes = await countPredictions(questionId);
  const seed = predictSeed(sessionId, index);
  const configs = setup.versus ? [setup.config, setup.versus] : [setup.config];
  const labels = ['A', 'B'] as const;
  const training = (status: TPredictTraining['status'], runs: PredictRunState[], outcome: string | null) =>
    buildPredictTraining({ questionIndex: index, setup, status, votes, runs, outcome });
  const finish = async (final: TPredictTraining) => {
    await scorePredictions({ questionId, training: final });
    forgetTraining(questionId);
    announce.training(sessionId, final);
    await announce.results(sessionId, index);
  };

  const runIds = existingRunIds ? await awaitRunIds(questionId, existingRunIds, configs.length) : [];
  if (!existingRunIds) {
    try {
      // The host owns the runs (they appear among the host's playground runs, replayable from their seed).
      for (const config of configs) runIds.push((await startRun({ runtime, userId: hostId, config: { ...config, seed } })).runId);
      await getDb().liveQuestion.update({ where: { id: questionId }, data: { predictRunIds: runIds } });
    } catch (error) {
      getLogger().warn({ err: error, sessionId, index }, 'live: could not start the prediction’s training');
      return finish(training('failed', [], null));
    }
  }
  if (runIds.length !== configs.length) return finish(training('failed', [], null));

  const started = Date.now();
  let lastSent = '';
  for (;;) {
    const progress = await Promise.all(runIds.map((runId) => watchRun({ runtime, userId: hostId, runId })));
    const runs = progress.map((run, i): PredictRunState => ({ label: labels[i], seed, status: run.status, totalEpochs: configs[i].epochs, metrics: run.metrics, snapshot: run.snapshot ?? null, verdict: null }));
    const isDone = progress.every((run) => run.status === 'COMPLETED' || run.status === 'STOPPED' || run.status === 'FAILED');
    if (isDone || Date.now() - started > GIVE_UP_MS) {
      const decided = decide(setup, configs, runs, progress, isDone);
      return finish(training(decided.status, decided.runs, decided.outcome));
    }
    const now = training('training', runs, null);
    const signature = runs.map((run) => `${run.status}:${run.metrics.length}`).join('|');
    if (signature !== lastSent) {
      lastSent = signature;
      rememberTraining(questionId, now);
      announce.training(sessionId, now);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The outcome by the rules; failed when a run failed for another reason than diverging (a lost
 * worker, the memory limit) or never finished.
 */
function decide(setup: TPredictSetup, configs: readonly TTrainingConfig[], runs: PredictRunState[], progress: RunProgress[], isDone: boolean): { status: TPredictTraining['status']; runs: PredictRunState[]; outcome: string | null } {
  const verdicts: RunVerdict[] = [];
  for (const [i, run] of progress.entries()) {
    const divergedAt = run.status === 'FAILED' ? divergedEpoch(run.error) : null;
    if (!isDone || (run.status === 'FAILED' && divergedAt === null)) return { status: 'failed', runs, outcome: null };
    verdicts.push(judgeRun({ metrics: run.metrics, divergedAt, plannedEpochs: runs[i].totalEpochs, chanceLoss: chanceLoss(configs[i]) }));
  }
  return { status: 'decided', runs: runs.map((run, i) => ({ ...run, verdict: verdicts[i] })), outcome: decidePrediction(setup.prediction, verdicts) };
}

/** Runs claimed by another process a moment ago may not be stored yet: wait a little for their ids. */
async function awaitRunIds(questionId: string, known: string[], expected: number): Promise<string[]> {
  let ids = known;
  for (let waited = 0; ids.length < expected && waited < 10_000; waited += POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const row = await getDb().liveQuestion.findUnique({ where: { id: questionId }, select: { predictRunIds: true } });
    ids = (row?.predictRunIds ?? []).filter((id) => id !== CLAIMED);
  }
  return ids;
}
