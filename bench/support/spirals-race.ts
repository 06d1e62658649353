/**
 * The spirals race shared by bench/train-spirals.ts (engine vs tfjs-cpu) and bench/engine.bench.ts
 * (engine on its WebAssembly kernels vs tfjs-wasm): the playground's MLP trained to ≥ 95 %
 * validation accuracy on two spirals, the engine through the playground's own loop and TF.js on
 * the same data, split, initial weights (copied from the engine's seeded init), mini-batch order
 * and optimiser settings. TF.js runs on whatever backend is active when raceTf is called.
 */
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import type { TMlpConfig } from '../../engine/playground/config-schema';
import { ZTrainingConfig } from '../../engine/playground/training-config';
import { generatePlaneDataset } from '../../engine/playground/datasets/plane';
import { DEFAULT_CONFIGS } from '../../engine/playground/default-configs';
import { buildMlp, createMlpLearner } from '../../engine/playground/models/mlp-learner';
import { runGradientTraining } from '../../engine/playground/run-gradient-training';
import { rng } from '../../engine/index';

export const TARGET_ACC = 0.95;

export type RaceResult = { seed: number; epochs: number | null; ms: number | null; msPerEpoch: number; finalValAcc: number };

export function raceConfig(seed: number): TMlpConfig {
  return ZTrainingConfig.parse({ ...DEFAULT_CONFIGS.mlp, task: 'spirals', epochs: 400, seed }) as TMlpConfig;
}

/** The engine: the playground's own loop and learner (its decision-boundary pictures left out, as TF.js draws none). */
export function raceEngine(config: TMlpConfig, maxEpochs: number): RaceResult {
  const learner = createMlpLearner(config);
  const withoutPictures = { ...learner, snapshot: (epoch: number) => ({ kind: 'boundary' as const, epoch, res: 0, extent: [0, 0, 0, 0] as [number, number, number, number], grid: [] }) };
  const hit = { reached: false, epoch: 0, ms: 0 };
  const outcome = runGradientTraining({ ...config, epochs: maxEpochs }, withoutPictures, {
    onEpoch: (metric) => {
      if (!hit.reached && metric.valAcc >= TARGET_ACC) Object.assign(hit, { reached: true, epoch: metric.epoch, ms: metric.ms });
    },
    shouldStop: () => (hit.reached ? 'user' : null),
  });
  const last = outcome.metrics.at(-1);
  return { seed: config.seed, epochs: hit.reached ? hit.epoch : null, ms: hit.reached ? hit.ms : null, msPerEpoch: last ? last.ms / last.epoch : Number.NaN, finalValAcc: outcome.finalValAcc };
}

/** The same network in TF.js: weights copied from the engine's initialisation, batches in the engine's order. */
export function raceTf(config: TMlpConfig, maxEpochs: number): RaceResult {
  const data = generatePlaneDataset(config);
  const engineModel = buildMlp(config);
  const linears = engineModel.parameters();
  const variables = linears.map((p) => tf.variable(tf.tensor(Array.from(p.data), [...p.shape], 'float32')));
  const xTrain = tf.tensor2d(data.train.x);
  const yTrain = tf.tensor2d(data.train.y.map((y) => [y]));
  const xVal = tf.tensor2d(data.val.x);
  const yVal = data.val.y;
  const forward = (x: tf.Tensor2D): tf.Tensor2D => {
    let h: tf.Tensor2D = x;
    for (let k = 0; k < variables.length; k += 2) {
      h = tf.add(tf.matMul(h, variables[k] as tf.Variable<tf.Rank.R2>), variables[k + 1]);
      if (k + 2 < variables.length) h = tf.relu(h);
    }
    return h;
  };
  const optimizer = tf.train.adam(config.lr, 0.9, 0.999, 1e-8);
  // The engine's shuffler: same seed, same permutation per epoch.
  const shuffler = rng(`${config.seed}:shuffle`);
  const order = Array.from({ length: data.train.y.length }, (_, i) => i);
  const started = performance.now();
  let hit: { epochs: number; ms: number } | null = null;
  let valAcc = 0;
  let epoch = 0;
  while (epoch < maxEpochs && !hit) {
    epoch++;
    shuffler.shuffle(order);
    for (let start = 0; start < order.length; start += config.batchSize) {
      const batch = tf.tensor1d(order.slice(start, start + config.batchSize), 'int32');
      const xb = tf.gather(xTrain, batch);
      const yb = tf.gather(yTrain, batch);
      optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(yb, forward(xb)) as tf.Scalar);
      tf.dispose([batch, xb, yb]);
    }
    const logits = tf.tidy(() => forward(xVal));
    const values = logits.dataSync();
    logits.dispose();
    valAcc = yVal.reduce((n, y, i) => n + (Number(values[i] > 0) === y ? 1 : 0), 0) / yVal.length;
    if (valAcc >= TARGET_ACC) hit = { epochs: epoch, ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  tf.dispose([...variables, xTrain, yTrain, xVal]);
  optimizer.dispose();
  return { seed: config.seed, epochs: hit?.epochs ?? null, ms: hit?.ms ?? null, msPerEpoch: ms / epoch, finalValAcc: valAcc };
}
