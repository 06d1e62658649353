import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { getDb } from '@/lib/db';
import { ZPredictTraining, type THostView, type TPlayerQuestion, type TPlayerResult, type TPlayerView, type TPredictTraining } from '@/lib/live/protocol/live-payloads';
import { PREDICT_TYPE_ID, type TPredictSetup } from '@/lib/live/protocol/predict-setup';
import { chanceLoss, decidePrediction, judgeRun } from '@/lib/live/state/decide-prediction';
import { readStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { randomPort, type AppServer } from '../../scripts/support/app-server';
import { killHard, startSecondServer } from '../support/second-server';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectLive, createSessionOverHttp, joinOverHttp } from './live-test-client';

// A prediction round whose server dies while it trains. The session runs on a second server
// process; once the predictions close it claims the training (an advisory lock on a connection
// of its own) and starts the run. It is killed (SIGKILL) mid-training. Nobody re-enters: the
// test's main server takes the training over by itself (the 'follow-training' pg-boss check finds
// the lock gone with the dead process's connection), follows the run to the end — restarted by
// the training queue if it was lost with the dead process's worker — decides, scores once and
// announces to its own sockets; a player connected to it all along gets the outcome and result.

/** Long enough to be killed mid-training on a busy machine, well inside the 60 s wall limit. */
const SLOW: TTrainingConfig = { ...DEFAULT_CONFIGS.mlp, task: 'circle', hidden: [24, 24], samples: 600, epochs: 120, lr: 0.03 };

let second: AppServer | undefined;
afterAll(async () => {
  await second?.stop().catch(() => {});
});

describe('predict-then-train across a server death', () => {
  it('is taken over and decided by another server process without anyone re-entering', { timeout: 300_000 }, async () => {
    second = await startSecondServer(randomPort());
    const dying = second.baseUrl;
    const surviving = inject('baseUrl');
    const instructor = await createTestUser('Instructor');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
    const hostCookie = await signIn(instructor.email, undefined, dying);
    const setup: TPredictSetup = { prediction: 'outcome', config: SLOW };
    const { sessionId, pin } = await createSessionOverHttp(
      hostCookie,
      { classId: klass.id, allowGuests: true, questions: [{ typeId: PREDICT_TYPE_ID, timeLimitS: 60, predict: setup }, { typeId: 'sigmoid-derivative', timeLimitS: 30 }] },
      dying,
    );
    const host = await connectLive({ baseUrl: dying, cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    // Ana and Cy play on the server that will die, Bo on the one that survives; Cy never predicts,
    // so the host's "close now" on the dying server closes the predictions (not an early close elsewhere).
    const [ana, bo, cy] = await Promise.all(['Ana', 'Bo', 'Cy'].map((nickname) => joinOverHttp(pin, { nickname, baseUrl: dying })));
    const onDying = await connectLive({ baseUrl: dying, guestToken: ana.body.guestToken! });
    const idle = await connectLive({ baseUrl: dying, guestToken: cy.body.guestToken! });
    const onSurviving = await connectLive({ baseUrl: surviving, guestToken: bo.body.guestToken! });
    for (const player of [onDying, idle, onSurviving]) expectOk(await player.emit('live:enter', { sessionId }));

    const opened = onDying.next<TPlayerQuestion>('live:question', (q) => q.index === 0);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await opened;
    // The dying server announced the question to its own sockets only (no Redis): Bo enters again to see it.
    const boView = expectOk(await onSurviving.emit<{ view: TPlayerView }>('live:enter', { sessionId })).view;
    expect(boView.question?.index).toBe(0);
    expectOk(await onDying.emit('live:submit', { sessionId, questionIndex: 0, answer: 'fast' }));
    expectOk(await onSurviving.emit('live:submit', { sessionId, questionIndex: 0, answer: 'slow' }));

    // The predictions close on the dying server; it claims the training and starts the run.
    const training = host.next<TPredictTraining>('live:host:train', (t) => t.status === 'training' && t.runs.some((run) => run.curve.length > 0), 120_000);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 0 } }));
    await training;
    const beforeKill = await getDb().liveQuestion.findUniqueOrThrow({ where: { sessionId_index: { sessionId, index: 0 } }, select: { predictRunIds: true, predictOutcome: true } });
    expect(beforeKill.predictOutcome, 'still training when the server dies').toBeNull();
    expect(beforeKill.predictRunIds).toHaveLength(1);

    // The server dies mid-training. Nobody re-enters anywhere.
    const decided = onSurviving.next<TPredictTraining>('live:train', (t) => t.questionIndex === 0 && t.status !== 'training', 240_000);
    const result = onSurviving.next<TPlayerResult>('live:result', (r) => r.questionIndex === 0, 240_000);
    host.close();
    onDying.close();
    idle.close();
    await killHard(second);
    second = undefined;

    const final = await decided;
    const bosResult = await result;
    const stored = await getDb().liveQuestion.findUniqueOrThrow({ where: { sessionId_index: { sessionId, index: 0 } }, select: { predictRunIds: true, predictOutcome: true } });
    const storedTraining = ZPredictTraining.parse(stored.predictOutcome);
    expect(storedTraining.status).toBe(final.status);
    expect(storedTraining.outcome).toBe(final.outcome);
    // The same run, followed to its end (no second run was started).
    expect(stored.predictRunIds).toEqual(beforeKill.predictRunIds);
    const run = await getDb().trainingRun.findUniqueOrThrow({ where: { id: stored.predictRunIds[0] }, select: { status: true, metrics: true } });
    if (final.status === 'decided') {
      // The outcome is the rules' on the stored run.
      const { metrics } = readStoredMetrics(run.metrics);
      const verdict = judgeRun({ metrics, divergedAt: null, plannedEpochs: SLOW.epochs, chanceLoss: chanceLoss(SLOW) });
      expect(final.outcome).toBe(decidePrediction('outcome', [verdict]));
      expect(bosResult.prediction).toEqual({ chosen: 'slow', outcome: final.outcome });
      expect(bosResult.points).toBe(final.outcome === 'slow' ? 1000 : 0);
    } else {
      // Closed cleanly: no points, the run did not finish.
      expect(final.status).toBe('failed');
      expect(run.status).not.toBe('COMPLETED');
      expect(bosResult.points).toBe(0);
    }
    // Scored once: each player's score is their one answer's points.
    const players = await getDb().liveParticipant.findMany({ where: { sessionId }, select: { score: true, answers: { select: { points: true } } } });
    for (const player of players) expect(player.score).toBe(player.answers.reduce((sum, answer) => sum + answer.points, 0));

    // The host comes back on the surviving server: the results are in, the class moves on.
    const hostCookieHere = await signIn(instructor.email, undefined, surviving);
    const hostHere = await connectLive({ baseUrl: surviving, cookie: hostCookieHere });
    const view = expectOk(await hostHere.emit<{ view: THostView }>('live:host:enter', { sessionId })).view;
    expect(view.session.state).toBe('RESULTS');
    expect(view.results?.predict?.status).toBe(final.status);
    expectOk(await hostHere.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
    hostHere.close();
    onSurviving.close();
  });
});
