import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { ZStoredTrainingConfig } from '@/engine/playground/config-schema';
import { MAX_FRAMES } from '@/engine/playground/snapshot-content';
import { trainModel } from '@/engine/playground/train-model';
import { TRAINING_CLIENT_EVENTS } from '@/lib/training/training-events';
import { readStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { createTestUser, signIn } from '../support/auth';
import { expectOk } from '../support/acks';
import { connectTraining, type TrainingClient } from './training-support';

// Issue 17 "Watch" over the real server's sockets: the timeline of pictures streamed and stored
// with the run, and a learning-rate change made while it trains, stored so the run replays.

// Slow enough (a few seconds) that a change sent after the first epochs lands mid-run.
const slowMlp = { ...DEFAULT_CONFIGS.mlp, task: 'circle' as const, samples: 2000, hidden: [16, 16], batchSize: 16, epochs: 120 };

let carol: TrainingClient;
let dave: TrainingClient;

beforeAll(async () => {
  const [c, d] = await Promise.all([createTestUser('Carol'), createTestUser('Dave')]);
  [carol, dave] = await Promise.all([connectTraining(await signIn(c.email)), connectTraining(await signIn(d.email))]);
});
afterAll(() => {
  carol?.close();
  dave?.close();
});

describe('watching a run', () => {
  it('changes the learning rate mid-run, records the epoch, streams and stores a bounded timeline, and replays exactly', async () => {
    const { runId } = expectOk(await carol.start(slowMlp));
    await carol.waitFor(runId, (p) => p.metrics.some((m) => m.epoch >= 2));
    // Only the owner may change it, only within the knob's range.
    const foreign = await dave.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'lr', value: 0.001 });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const tooBig = await carol.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'lr', value: 50 });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const changed = expectOk(await carol.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'lr', value: 0.001 }));
    expect(changed).toMatchObject({ knob: 'lr', value: 0.001 });
    const end = await carol.waitForEnd(runId, 90_000);
    expect(end.status).toBe('COMPLETED');

    const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } });
    const config = ZStoredTrainingConfig.parse(row.config);
    const schedule = 'lrSchedule' in config ? config.lrSchedule : undefined;
    expect(schedule).toHaveLength(1);
    expect(schedule?.[0].lr).toBe(0.001);
    expect(schedule?.[0].epoch).toBeGreaterThanOrEqual(changed.fromEpoch);
    const stored = readStoredMetrics(row.metrics);
    const changeAt = schedule![0].epoch;
    expect(stored.metrics[changeAt - 2].lr).toBe(slowMlp.lr);
    expect(stored.metrics[changeAt - 1].lr).toBe(0.001);

    // The stored record replays the same curve, change included.
    const replay = trainModel(config);
    expect(stored.metrics.map((m) => [m.loss, m.valAcc, m.lr])).toStrictEqual(replay.metrics.map((m) => [m.loss, m.valAcc, m.lr]));

    // Timeline: about 30 pictures, every one streamed, each with the network and the weights' summary.
    expect(stored.frames.length).toBeGreaterThanOrEqual(25);
    expect(stored.frames.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect(stored.frames.at(-1)?.epoch).toBe(120);
    const streamed = new Set(carol.progress.filter((p) => p.runId === runId).flatMap((p) => (p.frames ?? []).map((f) => f.epoch)));
    expect(stored.frames.every((frame) => streamed.has(frame.epoch))).toBe(true);
    const last = stored.frames.at(-1);
    expect(last?.kind === 'boundary' && last.network?.sizes).toEqual([2, 16, 16, 1]);
    expect(last?.weightStats).toHaveLength(6);

    // A watch (a reload, a reconnect) gets the whole timeline back.
    const watched = expectOk(await carol.emit(TRAINING_CLIENT_EVENTS.watch, { runId }));
    expect(watched.progress.frames).toHaveLength(stored.frames.length);
    // A finished run's learning rate can no longer change.
    const late = await carol.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'lr', value: 0.01 });
    expect(late).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('changes the weight decay mid-run (owner only, in range), records the epoch, stores the schedule and replays bit for bit', async () => {
    const { runId } = expectOk(await carol.start(slowMlp));
    await carol.waitFor(runId, (p) => p.metrics.some((m) => m.epoch >= 2));
    const tooBig = await carol.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'weightDecay', value: 0.5 });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const notANumber = await carol.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'weightDecay', value: 'lots' });
    expect(notANumber).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const foreign = await dave.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'weightDecay', value: 0.02 });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const changed = expectOk(await carol.emit(TRAINING_CLIENT_EVENTS.setKnob, { runId, knob: 'weightDecay', value: 0.02 }));
    expect(changed).toMatchObject({ knob: 'weightDecay', value: 0.02 });
    const end = await carol.waitForEnd(runId, 90_000);
    expect(end.status).toBe('COMPLETED');

    const row = await getDb().trainingRun.findUniqueOrThrow({ where: { id: runId } });
    const config = ZStoredTrainingConfig.parse(row.config);
    if (config.model !== 'mlp') throw new Error('expected the MLP run');
    expect(config.lrSchedule).toBeUndefined();
    expect(config.weightDecaySchedule).toHaveLength(1);
    const changeAt = config.weightDecaySchedule![0].epoch;
    expect(changeAt).toBeGreaterThanOrEqual(changed.fromEpoch);
    const stored = readStoredMetrics(row.metrics);
    expect(stored.metrics[changeAt - 2].weightDecay).toBe(slowMlp.weightDecay);
    expect(stored.metrics[changeAt - 1].weightDecay).toBe(0.02);
    expect(stored.metrics.at(-1)?.weightDecay).toBe(0.02);

    // The stored record replays the same curve, the change included; without it the curve differs after the change.
    const replay = trainModel(config);
    expect(stored.metrics.map((m) => [m.loss, m.valLoss, m.valAcc, m.weightDecay])).toStrictEqual(replay.metrics.map((m) => [m.loss, m.valLoss, m.valAcc, m.weightDecay]));
    const without = trainModel({ ...config, weightDecaySchedule: undefined });
    expect(without.metrics[changeAt - 2].loss).toBe(stored.metrics[changeAt - 2].loss);
    expect(without.metrics.at(-1)?.loss).not.toBe(stored.metrics.at(-1)?.loss);
  });
});
