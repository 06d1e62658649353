import { describe, expect, it } from 'vitest';
import { rng } from '@/engine';
import type { TTrainingConfig } from '@/engine/playground/config-schema';
import { ZTrainingConfig } from '@/engine/playground/training-config';
import { countParameters } from '@/engine/playground/count-parameters';
import { generateDigitDataset } from '@/engine/playground/datasets/digits';
import { generatePlaneDataset } from '@/engine/playground/datasets/plane';
import { generateSequenceDataset } from '@/engine/playground/datasets/sequences';
import { generateTranslationDataset, translate } from '@/engine/playground/datasets/translation';
import { DEFAULT_CONFIGS } from '@/engine/playground/default-configs';
import { TRAINING_LIMITS } from '@/engine/playground/limits';
import { dataSettingsMismatches } from '@/engine/playground/model-tasks';
import { runGradientTraining } from '@/engine/playground/run-gradient-training';
import { createLearner, trainModel } from '@/engine/playground/train-model';
import type { EpochMetric } from '@/engine/playground/types';

const curve = (metrics: EpochMetric[]) => metrics.map(({ ms: _ms, ...rest }) => rest);

/** Random configurations of every model, within the schema's ranges. */
function randomConfigs(count: number): TTrainingConfig[] {
  const r = rng('count-parameters');
  const pick = <T>(values: readonly T[]) => values[r.int(values.length)];
  const out: TTrainingConfig[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      { ...DEFAULT_CONFIGS.mlp, hidden: Array.from({ length: r.int(5) }, () => 1 + r.int(64)) },
      { ...DEFAULT_CONFIGS.cnn, filters: 1 + r.int(8), filters2: r.int(9), kernel: pick([3, 5] as const), hidden: r.int(65) },
      { ...DEFAULT_CONFIGS.rnn, hiddenSize: 1 + r.int(64), symbols: 2 + r.int(5) },
      { ...DEFAULT_CONFIGS.lstm, hiddenSize: 1 + r.int(64), symbols: 2 + r.int(5) },
      { ...DEFAULT_CONFIGS.transformer, dModel: 4 * (1 + r.int(8)), heads: pick([1, 2, 4]), layers: 1 + r.int(3), dFF: 4 + r.int(60), vocab: 3 + r.int(14), seqLength: 3 + r.int(8) },
    );
  }
  return out;
}

describe('parameter counts', () => {
  it('match the parameters of the model actually built, for random configurations of every model', () => {
    for (const config of randomConfigs(12)) {
      if (config.model === 'perceptron' || config.model === 'delta-rule') continue;
      expect(countParameters(config), JSON.stringify(config)).toBe(createLearner(config).model.parameterCount());
    }
  });

  it('are what the schema checks against the limit', () => {
    const big = { ...DEFAULT_CONFIGS.transformer, dModel: 64, heads: 4, layers: 3, dFF: 128 };
    expect(countParameters(big)).toBeGreaterThan(TRAINING_LIMITS.maxParams);
    const parsed = ZTrainingConfig.safeParse(big);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toContain(`${countParameters(big).toLocaleString('en')} parameters`);
    expect(ZTrainingConfig.safeParse({ ...DEFAULT_CONFIGS.transformer, dModel: 6, heads: 4 }).error?.issues[0].path).toEqual(['heads']);
  });

  it('every default configuration is valid and uses the standard data settings of its challenges', () => {
    for (const config of Object.values(DEFAULT_CONFIGS)) {
      expect(ZTrainingConfig.safeParse(config).success, config.model).toBe(true);
      expect(dataSettingsMismatches(config)).toEqual([]);
    }
  });
});

describe('data sets', () => {
  it('are the same for the same settings, whatever the seed of the run', () => {
    expect(generatePlaneDataset({ ...DEFAULT_CONFIGS.mlp })).toStrictEqual(generatePlaneDataset({ ...DEFAULT_CONFIGS.mlp }));
    const a = generateDigitDataset(DEFAULT_CONFIGS.cnn);
    expect(generateDigitDataset(DEFAULT_CONFIGS.cnn)).toStrictEqual(a);
    expect(generatePlaneDataset({ ...DEFAULT_CONFIGS.mlp, noise: 0.2 })).not.toStrictEqual(generatePlaneDataset(DEFAULT_CONFIGS.mlp));
  });

  it('split into disjoint training and validation sets of the asked proportion, with balanced classes', () => {
    const data = generatePlaneDataset({ task: 'spirals', samples: 400, noise: 0, valSplit: 0.25 });
    expect(data.val.y).toHaveLength(100);
    expect(data.train.y).toHaveLength(300);
    const all = [...data.train.y, ...data.val.y];
    expect(all.filter((y) => y === 1)).toHaveLength(200);
    const key = (p: number[]) => p.join(',');
    const trainKeys = new Set(data.train.x.map(key));
    expect(data.val.x.some((p) => trainKeys.has(key(p)))).toBe(false);
  });

  it('draws digit images as ink in [0, 1] with every digit present', () => {
    const { train, val } = generateDigitDataset({ samples: 200, noise: 0.1, valSplit: 0.25 });
    const images = [...train.images, ...val.images];
    expect(images.every((image) => image.length === 144 && image.every((v) => v >= 0 && v <= 1))).toBe(true);
    expect(new Set([...train.labels, ...val.labels]).size).toBe(10);
    // Each image has some ink and is mostly paper.
    for (const image of images) {
      const ink = image.filter((v) => v > 0.5).length;
      expect(ink).toBeGreaterThan(5);
      expect(ink).toBeLessThan(90);
    }
  });

  it('labels each sequence with its first (or last) symbol', () => {
    const first = generateSequenceDataset({ ...DEFAULT_CONFIGS.rnn, task: 'first-symbol' });
    first.train.sequences.forEach((s, i) => expect(s[0]).toBe(first.train.labels[i]));
    const last = generateSequenceDataset({ ...DEFAULT_CONFIGS.rnn, task: 'last-symbol' });
    last.val.sequences.forEach((s, i) => expect(s[s.length - 1]).toBe(last.val.labels[i]));
  });

  it('pairs each toy sentence with its reversal or its sorted order', () => {
    const data = generateTranslationDataset({ ...DEFAULT_CONFIGS.transformer, task: 'sort' });
    data.train.inputs.forEach((input, i) => expect(data.train.targets[i]).toEqual([...input].sort((a, b) => a - b)));
    expect(translate('reverse', [3, 1, 2])).toEqual([2, 1, 3]);
  });
});

describe('training every model', () => {
  it.each(['perceptron', 'delta-rule', 'mlp', 'cnn', 'rnn', 'lstm', 'transformer'] as const)('%s: reproduces its curve bit for bit and streams one metric per epoch', (model) => {
    const config = { ...DEFAULT_CONFIGS[model], epochs: 3, ...(model === 'perceptron' ? { task: 'xor' as const } : {}) } as TTrainingConfig;
    const streamed: EpochMetric[] = [];
    const first = trainModel(config, { onEpoch: (m) => streamed.push(m) });
    const second = trainModel(config);
    expect(first.metrics).toHaveLength(3);
    expect(curve(streamed)).toStrictEqual(curve(first.metrics));
    expect(curve(second.metrics)).toStrictEqual(curve(first.metrics));
    expect(second.snapshot).toStrictEqual(first.snapshot);
    expect(first.params).toBe(countParameters(config));
    for (const m of first.metrics) for (const v of [m.loss, m.valLoss, m.acc, m.valAcc]) expect(Number.isFinite(v)).toBe(true);
  });

  it('shows the lecture: the perceptron converges on AND but never on XOR', () => {
    const and = trainModel({ ...DEFAULT_CONFIGS.perceptron, task: 'and', epochs: 100 });
    expect(and.stopReason).toBe('done');
    expect(and.metrics.length).toBeLessThan(100);
    expect(and.finalValAcc).toBe(1);
    const xor = trainModel({ ...DEFAULT_CONFIGS.perceptron, task: 'xor', epochs: 100 });
    expect(xor.metrics).toHaveLength(100);
    expect(Math.max(...xor.metrics.map((m) => m.valAcc))).toBeLessThan(1);
  });

  it('an MLP with a hidden layer learns XOR where the perceptron cannot', () => {
    const mlp = trainModel({ ...DEFAULT_CONFIGS.mlp, task: 'xor', hidden: [8], epochs: 40 });
    expect(mlp.finalValAcc).toBeGreaterThan(0.95);
  });

  it('stops early when the validation loss has not improved for `patience` epochs', () => {
    const run = trainModel({ ...DEFAULT_CONFIGS.mlp, task: 'blobs', hidden: [4], lr: 0.05, epochs: 400, patience: 3 });
    expect(run.stopReason).toBe('early');
    const losses = run.metrics.map((m) => m.valLoss);
    const best = Math.min(...losses);
    expect(losses.indexOf(best)).toBe(losses.length - 1 - 3);
  });

  it('replays exactly the epochs it is told to (the challenge re-check)', () => {
    const config = { ...DEFAULT_CONFIGS.mlp, epochs: 50 };
    const full = trainModel(config);
    const replay = trainModel(config, { epochLimit: 7 });
    expect(curve(replay.metrics)).toStrictEqual(curve(full.metrics.slice(0, 7)));
  });

  it('reports a diverging run as an error that names the learning rate', () => {
    expect(() => trainModel({ ...DEFAULT_CONFIGS['delta-rule'], lr: 5, epochs: 500 })).toThrow(/learning rate/);
    // A gradient model whose loss turns into NaN (0/0 here) stops at that epoch with the same advice.
    const mlp = { ...DEFAULT_CONFIGS.mlp, epochs: 5 };
    const learner = createLearner(mlp);
    const nanLearner = { ...learner, batchLoss: (indices: readonly number[]) => ({ ...learner.batchLoss(indices), loss: learner.batchLoss(indices).loss.mul(0).div(0) }) };
    expect(() => runGradientTraining(mlp, nanLearner)).toThrow(/NaN or infinite in epoch 1: the learning rate/);
  });
});
