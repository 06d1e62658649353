import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { trainModel } from '@/engine/playground/train-model';
import { ZTrainingConfig } from '@/engine/playground/training-config';
import { MAX_FRAMES, THUMB_RES, boundFrames } from '@/engine/playground/snapshot-content';
import { divergedEpoch, TrainingDivergedError } from '@/engine/playground/training-hooks';
import type { BoundarySnapshot, NetworkPicture } from '@/engine/playground/types';
import { readStoredMetrics, toStoredMetrics } from '@/lib/training/runs/stored-run-schema';
import { neuronFormula } from '@/components/playground/network-view';
import { knobMarkers } from '@/components/playground/knob-markers';

const mlp = { ...DEFAULT_CONFIGS.mlp, task: 'xor' as const, samples: 200, hidden: [4, 3], activation: 'tanh' as const, epochs: 90 };
const activate = (name: NetworkPicture['activation'], z: number) => (name === 'relu' ? Math.max(0, z) : name === 'tanh' ? Math.tanh(z) : 1 / (1 + Math.exp(-z)));

describe('a run keeps a bounded timeline of snapshots', () => {
  it('stores about 30 pictures across training, each with the weights summary and, for a small MLP, the network', () => {
    const outcome = trainModel(mlp);
    const epochs = outcome.frames.map((frame) => frame.epoch);
    expect(outcome.frames.length).toBeGreaterThanOrEqual(25);
    expect(outcome.frames.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect([...epochs].sort((a, b) => a - b)).toEqual(epochs);
    expect(epochs.at(-1)).toBe(90);
    for (const frame of outcome.frames) {
      expect(frame.kind).toBe('boundary');
      const { network, weightStats } = frame as BoundarySnapshot;
      expect(weightStats?.map((s) => s.name)).toEqual(['#1 2×4', '#2 4', '#3 4×3', '#4 3', '#5 3×1', '#6 1']);
      expect(network?.sizes).toEqual([2, 4, 3, 1]);
      expect(network?.thumbs.map((layer) => layer.length)).toEqual([4, 3]);
      expect(network?.thumbs[0][0]).toHaveLength(THUMB_RES * THUMB_RES);
    }
  });

  it("draws each hidden neuron's thumbnail from the stored weights: the formula recomputes the pixels", () => {
    const frame = trainModel(mlp).frames.at(-1) as BoundarySnapshot;
    const network = frame.network!;
    const [xMin, xMax, yMin, yMax] = frame.extent;
    const res = network.thumbRes;
    let checked = 0;
    for (const k of [0, 17, 70, res * res - 1]) {
      const point = [xMin + (((k % res) + 0.5) / res) * (xMax - xMin), yMax - ((Math.floor(k / res) + 0.5) / res) * (yMax - yMin)];
      const first = network.biases[0].map((b, j) => activate('tanh', b + point[0] * network.weights[0][0][j] + point[1] * network.weights[0][1][j]));
      first.forEach((value, j) => {
        expect(Math.abs(network.thumbs[0][j][k] - value)).toBeLessThan(0.01);
        checked++;
      });
      const second = network.biases[1].map((b, j) => activate('tanh', b + first.reduce((sum, h, i) => sum + h * network.weights[1][i][j], 0)));
      second.forEach((value, j) => expect(Math.abs(network.thumbs[1][j][k] - value)).toBeLessThan(0.01));
    }
    expect(checked).toBe(16);
    expect(neuronFormula(network, 1, 0)).toMatch(/^h1,1 = tanh\([−+]? ?\d\.\d\d·x1 [−+] \d\.\d\d·x2 [−+] \d\.\d\d\)$/);
    expect(neuronFormula(network, 3, 0)).toMatch(/^ŷ = σ\(/);
  });

  it('leaves out the network when a layer is too wide to draw, and thins any longer list of pictures evenly, keeping the last', () => {
    const wide = trainModel({ ...mlp, hidden: [32], epochs: 3 });
    expect((wide.frames[0] as BoundarySnapshot).network).toBeUndefined();
    const many = Array.from({ length: 100 }, (_, i) => ({ epoch: i + 1 }));
    const kept = boundFrames(many);
    expect(kept).toHaveLength(MAX_FRAMES);
    expect(kept[0].epoch).toBe(1);
    expect(kept.at(-1)?.epoch).toBe(100);
  });

  it('survives being stored and read back: the curve, every picture and the network', () => {
    const outcome = trainModel(mlp);
    const json = JSON.parse(JSON.stringify(toStoredMetrics(outcome.metrics, outcome.frames)));
    const read = readStoredMetrics(json);
    expect(read.metrics).toEqual(outcome.metrics);
    expect(read.frames).toEqual(outcome.frames);
    expect(read.snapshot).toEqual(outcome.frames.at(-1));
    expect(JSON.stringify(json).length).toBeLessThan(600_000);
  });
});

describe('changing the learning rate while a run trains', () => {
  it('applies the change from the next epoch, records it, and replays bit for bit from the stored schedule', () => {
    let epochStarts = 0;
    const live = trainModel(mlp, { requestedKnob: (knob) => (knob === 'lr' && ++epochStarts >= 40 ? 0.003 : null) });
    expect(live.schedules).toEqual({ lrSchedule: [{ epoch: 40, lr: 0.003 }], weightDecaySchedule: [] });
    expect(live.metrics[38].lr).toBe(mlp.lr);
    expect(live.metrics[39].lr).toBe(0.003);
    expect(knobMarkers(live.metrics, 'lr', 'lr')).toEqual([{ x: 40, label: 'lr 0.003' }]);

    const stored = ZTrainingConfig.parse({ ...mlp, lrSchedule: live.schedules.lrSchedule });
    const replay = trainModel(stored);
    expect(replay.metrics).toStrictEqual(live.metrics.map((m, i) => ({ ...m, ms: replay.metrics[i].ms })));
    const without = trainModel(mlp);
    expect(without.metrics[60].loss).not.toBe(live.metrics[60].loss);
    expect(without.metrics[38].loss).toBe(live.metrics[38].loss);
  });

  it('changes the weight decay and the learning rate at different epochs, records both, and replays bit for bit', () => {
    let epochStarts = 0;
    const live = trainModel(mlp, {
      requestedKnob: (knob) => {
        if (knob === 'lr') epochStarts++;
        if (knob === 'weightDecay') return epochStarts >= 30 ? 0.05 : null;
        return epochStarts >= 50 ? 0.01 : null;
      },
    });
    expect(live.schedules).toEqual({ lrSchedule: [{ epoch: 50, lr: 0.01 }], weightDecaySchedule: [{ epoch: 30, weightDecay: 0.05 }] });
    expect(live.metrics[28].weightDecay).toBe(mlp.weightDecay);
    expect(live.metrics[29].weightDecay).toBe(0.05);
    expect(knobMarkers(live.metrics, 'weightDecay', 'wd')).toEqual([{ x: 30, label: 'wd 0.05' }]);

    const stored = ZTrainingConfig.parse({ ...mlp, ...live.schedules });
    const replay = trainModel(stored);
    expect(replay.metrics).toStrictEqual(live.metrics.map((m, i) => ({ ...m, ms: replay.metrics[i].ms })));
    // The decay changed the weights: the curve leaves the one without the change from epoch 30 on.
    const without = trainModel(mlp);
    expect(without.metrics[28].loss).toBe(live.metrics[28].loss);
    expect(without.metrics[29].loss).not.toBe(live.metrics[29].loss);
  });

  it('refuses a schedule out of order or past the last epoch', () => {
    expect(ZTrainingConfig.safeParse({ ...mlp, lrSchedule: [{ epoch: 10, lr: 0.1 }, { epoch: 5, lr: 0.2 }] }).success).toBe(false);
    expect(ZTrainingConfig.safeParse({ ...mlp, lrSchedule: [{ epoch: 91, lr: 0.1 }] }).success).toBe(false);
    expect(ZTrainingConfig.safeParse({ ...mlp, lrSchedule: [{ epoch: 10, lr: 9 }] }).success).toBe(false);
    expect(ZTrainingConfig.safeParse({ ...mlp, weightDecaySchedule: [{ epoch: 10, weightDecay: 0.01 }, { epoch: 10, weightDecay: 0.02 }] }).success).toBe(false);
    expect(ZTrainingConfig.safeParse({ ...mlp, weightDecaySchedule: [{ epoch: 10, weightDecay: 0.5 }] }).success).toBe(false);
    expect(ZTrainingConfig.safeParse({ ...mlp, weightDecaySchedule: [{ epoch: 10, weightDecay: 0.01 }] }).success).toBe(true);
  });
});

describe('a diverging run', () => {
  it('names the epoch in its stored message, which the page reads back', () => {
    expect(divergedEpoch(new TrainingDivergedError(7).message)).toBe(7);
    expect(divergedEpoch('The training worker failed unexpectedly.')).toBeNull();
  });

});

describe('trainConfigFromSeed (for live "predict, then train" questions)', () => {
  it('returns the curves and final metrics of the configuration trained with that seed, the same every time', async () => {
    const { trainConfigFromSeed } = await import('@/engine/playground/train-from-seed');
    const a = trainConfigFromSeed({ ...mlp, epochs: 20 }, 7);
    const b = trainConfigFromSeed({ ...mlp, epochs: 20 }, 7);
    const other = trainConfigFromSeed({ ...mlp, epochs: 20 }, 8);
    expect(a).toStrictEqual(b);
    expect(a.curves).toHaveLength(20);
    expect(a.final.valAcc).toBe(trainModel({ ...mlp, epochs: 20, seed: 7 }).finalValAcc);
    expect(a.final.loss).toBe(a.curves[19].loss);
    expect(other.curves[19].loss).not.toBe(a.curves[19].loss);
    expect(() => trainConfigFromSeed({ ...mlp, epochs: 9999 }, 1)).toThrow();
  });
});
