import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { trainConfigFromSeed } from '@/engine/playground/train-from-seed';
import { TrainingDivergedError } from '@/engine/playground/training-hooks';
import { getDb } from '@/lib/db';
import type { TLiveSessionResults, TPlayerQuestion, TPlayerResult, TPredictTraining, TQuestionResults } from '@/lib/live/protocol/live-payloads';
import { PREDICT_TYPE_ID, type TPredictSetup } from '@/lib/live/protocol/predict-setup';
import { chanceLoss, decidePrediction, judgeRun, type RunVerdict } from '@/lib/live/state/decide-prediction';
import { readStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { createTestClass, createTestUser, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectLive, correctAnswerFor, createSessionOverHttp, joinOverHttp } from './live-test-client';
import { predictSeed } from '@/lib/live/announce/train-prediction-and-announce';
import { computePoints } from '@/lib/live/state/compute-points';

// Predict, then train: players commit a prediction, the server trains the configuration in the
// training workers when the window closes, streams the curve, decides the outcome by the rules
// and scores the predictions. The outcome is checked against the stored run and re-checked by
// training the configuration again from the stored seed with the engine, in this process.

const FAST: TTrainingConfig = { ...DEFAULT_CONFIGS.mlp, task: 'circle', hidden: [8], epochs: 30, samples: 200, lr: 0.05 };
const STUCK: TTrainingConfig = { ...DEFAULT_CONFIGS.mlp, optimizer: 'sgd', lr: 0.0001, epochs: 20, samples: 200 };

/** The rules applied to a configuration trained here with the engine, from the seed the server stored. */
function retrain(config: TTrainingConfig, seed: number): RunVerdict {
  try {
    const { curves } = trainConfigFromSeed(config, seed);
    return judgeRun({ metrics: curves, divergedAt: null, plannedEpochs: config.epochs, chanceLoss: chanceLoss(config) });
  } catch (error) {
    if (!(error instanceof TrainingDivergedError)) throw error;
    return judgeRun({ metrics: [], divergedAt: error.epoch, plannedEpochs: config.epochs, chanceLoss: chanceLoss(config) });
  }
}

async function setUp(questions: { typeId: string; timeLimitS: number; predict?: TPredictSetup }[], nicknames: string[]) {
  const instructor = await createTestUser('Instructor');
  const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }]);
  const hostCookie = await signIn(instructor.email);
  const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, allowGuests: true, questions });
  const host = await connectLive({ cookie: hostCookie });
  expectOk(await host.emit('live:host:enter', { sessionId }));
  const joined = await Promise.all(nicknames.map((nickname) => joinOverHttp(pin, { nickname })));
  const players = await Promise.all(joined.map(({ body }) => connectLive({ guestToken: body.guestToken! })));
  for (const player of players) expectOk(await player.emit('live:enter', { sessionId }));
  return { sessionId, hostCookie, host, players, ids: joined.map(({ body }) => body.participantId) };
}

describe('live session: predict, then train', () => {
  it('trains the configuration when predictions close, decides the outcome by the rules (re-checked from the seed) and scores right predictions', async () => {
    const setup: TPredictSetup = { prediction: 'outcome', config: FAST };
    const { sessionId, hostCookie, host, players, ids } = await setUp(
      [{ typeId: PREDICT_TYPE_ID, timeLimitS: 60, predict: setup }, { typeId: 'sigmoid-derivative', timeLimitS: 60 }],
      ['Ana', 'Bo', 'Cy', 'Di'],
    );
    const questions = players.map((player) => player.next<TPlayerQuestion>('live:question', (q) => q.index === 0));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    const question = (await Promise.all(questions))[0];
    expect(question.predict).toBe('outcome');
    expect(question.answerSpec).toEqual({ kind: 'choice', options: expect.arrayContaining([expect.objectContaining({ id: 'fast' })]) });
    // The configuration in each language, with the playground's labels (Task Circle, 과제 원).
    expect(question.prompt.en).toContain('MLP · Task Circle · Hidden units per layer 8');
    expect(question.prompt.ko).toContain('과제 원 · 은닉층 유닛 8');

    // Not a choice: refused, nothing stored, the player may still predict.
    const bad = await players[0].emit('live:submit', { sessionId, questionIndex: 0, answer: 'maybe' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.reason).toBe('invalid-answer');

    // One player per outcome: exactly one of them is right.
    const predictions = ['diverges', 'flat', 'slow', 'fast'];
    for (const [i, player] of players.entries()) expectOk(await player.emit('live:submit', { sessionId, questionIndex: 0, answer: predictions[i] }));

    const decidedForPlayer = players[0].next<TPredictTraining>('live:train', (t) => t.questionIndex === 0 && t.status === 'decided', 60_000);
    const decidedForHost = host.next<TPredictTraining>('live:host:train', (t) => t.questionIndex === 0 && t.status === 'decided', 60_000);
    const hostResults = host.next<TQuestionResults>('live:host:results', (r) => r.questionIndex === 0, 60_000);
    const results = players.map((player) => player.next<TPlayerResult>('live:result', (r) => r.questionIndex === 0, 60_000));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 0 } }));
    // The class cannot move on while the model trains: the results are not in yet.
    const early = await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.reason).toBe('training-running');

    const training = await decidedForPlayer;
    expect(training.picture, 'players get the curve, not the picture').toBeNull();
    const hostTraining = await decidedForHost;
    expect(hostTraining.picture?.grid.length).toBe((hostTraining.picture?.res ?? 0) ** 2);
    expect(training.choices.map((choice) => choice.count)).toEqual([1, 1, 1, 1]);
    expect(training.answered).toBe(4);
    expect(training.runs).toHaveLength(1);
    const [run] = training.runs;
    expect(run.curve.length).toBeGreaterThan(0);
    expect(run.verdict?.outcome).toBe(training.outcome);

    // Against the stored run: the training service's row, its seed and its curve.
    const stored = await getDb().liveQuestion.findUniqueOrThrow({ where: { sessionId_index: { sessionId, index: 0 } }, select: { predictRunIds: true } });
    expect(stored.predictRunIds).toHaveLength(1);
    const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: stored.predictRunIds[0] }, select: { status: true, seed: true, metrics: true } });
    expect(row.status).toBe('COMPLETED');
    expect(row.seed).toBe(run.seed);
    const { metrics } = readStoredMetrics(row.metrics);
    expect(metrics).toHaveLength(FAST.epochs);
    const fromStored = judgeRun({ metrics, divergedAt: null, plannedEpochs: FAST.epochs, chanceLoss: chanceLoss(FAST) });
    expect(fromStored).toEqual(run.verdict);

    // Re-trained here from the stored seed: the same curve, the same outcome.
    const again = retrain(FAST, row.seed);
    expect(again.outcome).toBe(training.outcome);
    expect(again.finalLoss).toBeCloseTo(run.verdict!.finalLoss!, 6);
    expect(again.halfEpoch).toBe(run.verdict!.halfEpoch);
    expect(decidePrediction('outcome', [again])).toBe(training.outcome);

    // Points: the right prediction earns the session's points (no speed rule), the others 0.
    const right = predictions.indexOf(training.outcome!);
    const personal = await Promise.all(results);
    for (const [i, result] of personal.entries()) {
      expect(result.prediction).toEqual({ chosen: predictions[i], outcome: training.outcome });
      expect(result.correct).toBe(i === right);
      expect(result.points).toBe(i === right ? 1000 : 0);
      expect(result.totalScore).toBe(i === right ? 1000 : 0);
    }
    expect(personal[right].rank).toBe(1);
    const answers = await getDb().liveAnswer.findMany({ where: { question: { sessionId, index: 0 } }, select: { participantId: true, correct: true, points: true, score: true } });
    expect(answers).toHaveLength(4);
    for (const answer of answers) expect(answer.points).toBe(answer.participantId === ids[right] ? 1000 : 0);
    const hostResult = await hostResults;
    expect(hostResult.correct).toBe(1);
    expect(hostResult.predict?.outcome).toBe(training.outcome);

    // It counts in the session's results (the gradebook's source) like any question.
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));
    const response = await fetch(`${inject('baseUrl')}/api/live/sessions/${sessionId}/results`, { headers: { cookie: hostCookie } });
    const sessionResults = (await response.json()) as TLiveSessionResults;
    expect(sessionResults.questions[0].typeId).toBe(PREDICT_TYPE_ID);
    const winner = sessionResults.participants.find((participant) => participant.participantId === ids[right])!;
    expect(winner.rank).toBe(1);
    expect(winner.score).toBe(1000);
    expect(winner.correct).toBe(1);
    for (const socket of [host, ...players]) socket.close();
  });

  it('decides "which wins" between two configurations trained with the same seed', async () => {
    const setup: TPredictSetup = { prediction: 'versus', config: STUCK, versus: FAST };
    const { sessionId, host, players } = await setUp([{ typeId: PREDICT_TYPE_ID, timeLimitS: 60, predict: setup }], ['Ed', 'Flo']);
    const opened = players.map((player) => player.next<TPlayerQuestion>('live:question', (q) => q.index === 0));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    await Promise.all(opened);
    expectOk(await players[0].emit('live:submit', { sessionId, questionIndex: 0, answer: 'a' }));
    expectOk(await players[1].emit('live:submit', { sessionId, questionIndex: 0, answer: 'b' }));
    const decided = host.next<TPredictTraining>('live:host:train', (t) => t.status === 'decided', 90_000);
    const results = players.map((player) => player.next<TPlayerResult>('live:result', (r) => r.questionIndex === 0, 90_000));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'QUESTION', index: 0 } }));
    const training = await decided;
    expect(training.runs.map((run) => run.label)).toEqual(['A', 'B']);
    expect(training.runs[0].seed).toBe(training.runs[1].seed);
    const verdicts = [retrain(STUCK, training.runs[0].seed), retrain(FAST, training.runs[1].seed)];
    expect(verdicts.map((verdict) => verdict.outcome)).toEqual(training.runs.map((run) => run.verdict?.outcome));
    expect(training.outcome).toBe(decidePrediction('versus', verdicts));
    expect(training.outcome).toBe('b');
    const [first, second] = await Promise.all(results);
    expect(first.points).toBe(0);
    expect(second.points).toBe(1000);
    for (const socket of [host, ...players]) socket.close();
  });

  it('plays a prediction round placed between exercise questions, in the stored order, into the results and the gradebook', async () => {
    const setup: TPredictSetup = { prediction: 'outcome', config: FAST };
    const instructor = await createTestUser('Instructor');
    const student = await createTestUser('Student');
    const klass = await createTestClass([{ user: instructor, role: 'INSTRUCTOR' }, { user: student, role: 'STUDENT' }]);
    const hostCookie = await signIn(instructor.email);
    const studentCookie = await signIn(student.email);
    const plan = [
      { typeId: 'sigmoid-derivative', timeLimitS: 60 },
      { typeId: PREDICT_TYPE_ID, timeLimitS: 60, predict: setup },
      { typeId: 'weight-decay', timeLimitS: 60 },
    ];
    const { sessionId, pin } = await createSessionOverHttp(hostCookie, { classId: klass.id, questions: plan });
    const stored = await getDb().liveQuestion.findMany({ where: { sessionId }, orderBy: { index: 'asc' }, select: { index: true, typeId: true, predict: true } });
    expect(stored.map((question) => question.typeId)).toEqual(plan.map((question) => question.typeId));
    expect(stored.map((question) => question.predict !== null)).toEqual([false, true, false]);

    const host = await connectLive({ cookie: hostCookie });
    expectOk(await host.emit('live:host:enter', { sessionId }));
    const { body } = await joinOverHttp(pin, { cookie: studentCookie });
    const player = await connectLive({ cookie: studentCookie });
    expectOk(await player.emit('live:enter', { sessionId }));

    // Question 1, an exercise: answered, closed (everyone answered), leaderboard.
    let opened = player.next<TPlayerQuestion>('live:question', (q) => q.index === 0);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LOBBY', index: -1 } }));
    expect((await opened).typeId).toBe('sigmoid-derivative');
    let results = host.next<TQuestionResults>('live:host:results', (r) => r.questionIndex === 0);
    expectOk(await player.emit('live:submit', { sessionId, questionIndex: 0, answer: await correctAnswerFor(sessionId, 0, body.participantId, 'sigmoid-derivative') }));
    await results;
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 0 } }));

    // Question 2, the prediction round, in the middle: predicted, trained, decided, scored.
    opened = player.next<TPlayerQuestion>('live:question', (q) => q.index === 1);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 0 } }));
    const prediction = await opened;
    expect(prediction.predict).toBe('outcome');
    expect(prediction.questionCount).toBe(3);
    const decided = host.next<TPredictTraining>('live:host:train', (t) => t.questionIndex === 1 && t.status === 'decided', 60_000);
    results = host.next<TQuestionResults>('live:host:results', (r) => r.questionIndex === 1, 60_000);
    const predictionResult = player.next<TPlayerResult>('live:result', (r) => r.questionIndex === 1, 60_000);
    expectOk(await player.emit('live:submit', { sessionId, questionIndex: 1, answer: 'fast' }));
    const training = await decided;
    expect((await results).predict?.outcome).toBe(training.outcome);
    const scored = await predictionResult;
    // A right prediction is a fully correct answer without the speed rule; the exercise before it
    // was right too, so the streak bonus applies.
    const rightPoints = computePoints({ score: 1, msToAnswer: 0, timeLimitMs: 60_000, streakBefore: 1, scoring: { pointsPerQuestion: 1000, speedBonus: false, streakBonus: true } }).points;
    expect(scored.points).toBe(training.outcome === 'fast' ? rightPoints : 0);
    // The prediction's seed is keyed on its own place in the order.
    expect(training.runs[0].seed).toBe(predictSeed(sessionId, 1));
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'RESULTS', index: 1 } }));

    // Question 3, an exercise again, then the podium.
    opened = player.next<TPlayerQuestion>('live:question', (q) => q.index === 2);
    expectOk(await host.emit('live:host:advance', { sessionId, from: { state: 'LEADERBOARD', index: 1 } }));
    expect((await opened).typeId).toBe('weight-decay');
    results = host.next<TQuestionResults>('live:host:results', (r) => r.questionIndex === 2);
    expectOk(await player.emit('live:submit', { sessionId, questionIndex: 2, answer: await correctAnswerFor(sessionId, 2, body.participantId, 'weight-decay') }));
    await results;
    expectOk(await host.emit('live:host:end', { sessionId }));

    // The results and the gradebook list the three in the stored order, the prediction in the middle.
    const response = await fetch(`${inject('baseUrl')}/api/live/sessions/${sessionId}/results`, { headers: { cookie: hostCookie } });
    const sessionResults = (await response.json()) as TLiveSessionResults;
    expect(sessionResults.questions.map((question) => question.typeId)).toEqual(plan.map((question) => question.typeId));
    const me = sessionResults.participants[0];
    expect(me.answers.map((answer) => answer.index)).toEqual([0, 1, 2]);
    expect(me.answers[1].points).toBe(scored.points);
    expect(me.score).toBe(me.answers.reduce((sum, answer) => sum + answer.points, 0));
    const gradebook = (await (await fetch(`${inject('baseUrl')}/api/classes/${klass.id}/gradebook`, { headers: { cookie: hostCookie } })).json()) as {
      liveSessions: { sessionId: string; questionTitles: { en: string }[] }[];
    };
    const inGradebook = gradebook.liveSessions.find((entry) => entry.sessionId === sessionId);
    expect(inGradebook?.questionTitles.map((title) => title.en)).toEqual(sessionResults.questions.map((question) => question.title.en));
    expect(inGradebook?.questionTitles[1].en).toBe('Predict, then train');
    for (const socket of [host, player]) socket.close();
  });
});
