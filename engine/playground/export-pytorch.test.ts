import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noGrad, rng, trainDeltaRule, trainPerceptron, withDefaultDtype } from '@/engine';
import { ZCnnConfig, ZDeltaRuleConfig, ZLstmConfig, ZMlpConfig, ZPerceptronConfig, ZRnnConfig, ZTransformerConfig, type TClassicConfig } from './config-schema';
import { generateClassicDataset } from './datasets/classic';
import { DEFAULT_CONFIGS } from './default-configs';
import { exportPyTorchScript, exportRunScript, familyParts, type ExportableConfig } from './export-pytorch';
import type { NamedParameter } from './export/python';
import { GRADIENT_TOLERANCE } from './export/write-script';
import { createLearner } from './train-model';

// Every exportable model: the script compiles, holds the run's float32 initial weights, states the
// engine's true first-step gradients (central finite differences of the engine's loss), and its
// architecture, read back with numpy alone (export/numpy_reference.py), gives the engine's loss.
// The CNN uses tanh: its images have a zero background and its biases start at zero, so a ReLU
// would sit exactly on its kink there, where a finite difference cannot see the gradient.
const CONFIGS: [string, ExportableConfig][] = [
  ['MLP', ZMlpConfig.parse({ ...DEFAULT_CONFIGS.mlp, hidden: [5, 3], activation: 'relu', dropout: 0.2, samples: 80, batchSize: 16, epochs: 3, seed: 42, optimizer: 'momentum', lrSchedule: [{ epoch: 2, lr: 0.05 }], weightDecaySchedule: [{ epoch: 3, weightDecay: 0.01 }] })],
  ['CNN', ZCnnConfig.parse({ ...DEFAULT_CONFIGS.cnn, filters: 2, filters2: 2, hidden: 4, activation: 'tanh', dropout: 0.1, samples: 100, batchSize: 10, epochs: 2, seed: 7, optimizer: 'adam' })],
  ['RNN', ZRnnConfig.parse({ ...DEFAULT_CONFIGS.rnn, samples: 120, seqLength: 6, hiddenSize: 5, batchSize: 8, epochs: 2, seed: 3 })],
  ['LSTM', ZLstmConfig.parse({ ...DEFAULT_CONFIGS.lstm, task: 'last-symbol', samples: 120, seqLength: 5, symbols: 3, hiddenSize: 4, batchSize: 8, epochs: 2, seed: 4, patience: 2, weightDecay: 0.001 })],
  ['Transformer', ZTransformerConfig.parse({ ...DEFAULT_CONFIGS.transformer, task: 'sort', samples: 100, seqLength: 4, vocab: 5, dModel: 8, heads: 2, layers: 2, dFF: 12, dropout: 0.1, batchSize: 6, epochs: 2, seed: 11, optimizer: 'sgd' })],
];

// The single neurons replay exactly: with noise (80 jittered examples) and on the corners; the perceptron converges on AND.
const CLASSIC: [string, TClassicConfig][] = [
  ['perceptron', ZPerceptronConfig.parse({ ...DEFAULT_CONFIGS.perceptron, task: 'and', noise: 0, epochs: 30, seed: 5 })],
  ['delta rule', ZDeltaRuleConfig.parse({ ...DEFAULT_CONFIGS['delta-rule'], task: 'or', noise: 0.2, epochs: 40, seed: 6 })],
];

const hasTorch = spawnSync('python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
const REFERENCE = path.join(import.meta.dirname, 'export', 'numpy_reference.py');

function writeScript(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-export-')), 'run.py');
  fs.writeFileSync(file, text);
  return file;
}

/** A dict entry of the script, `    "0.weight": [...],`: Python's list of floats reads as JSON. */
function entries(text: string, dictName: string): Map<string, unknown> {
  const start = text.indexOf(`${dictName} = {\n`);
  const block = text.slice(start, text.indexOf('\n}\n', start));
  return new Map([...block.matchAll(/^ {4}"([\w.]+)": (.*),$/gm)].map(([, name, value]) => [name, JSON.parse(value)]));
}

const flat = (value: unknown): number[] => (Array.isArray(value) ? value.flatMap(flat) : [value as number]);

/** For each position of the torch-layout values, the index of the engine's entry it holds. */
function torchOrder({ tensor, layout }: NamedParameter): number[] {
  if (layout === 'same') return Array.from({ length: tensor.size }, (_, i) => i);
  const [rows, cols] = tensor.shape; // engine [in, out]; torch [out, in]
  return Array.from({ length: rows * cols }, (_, k) => (k % rows) * cols + Math.floor(k / rows));
}

describe('export to PyTorch', () => {
  for (const [label, config] of CLASSIC) {
    it(`writes a ${label} script that compiles, states the first example's true gradient and replays the run to the engine's final weights`, () => {
      const text = exportRunScript(config, { runId: 'run-1', title: label });
      execFileSync('python3', ['-m', 'py_compile', writeScript(text)]);
      const weights = entries(text, 'INITIAL_WEIGHTS');
      const gradients = entries(text, 'ENGINE_GRADIENTS');
      const initial = [...flat(weights.get('bias')), ...flat(weights.get('weight'))];
      // The run's initial weights: its seed's three uniform draws, bias first.
      const initRng = rng(`${config.seed}:init`);
      expect(initial).toEqual([0, 0, 0].map(() => initRng.uniform(-0.5, 0.5)));
      // The first example's loss (½(t − s)², or the perceptron criterion max(0, −t·s)) by central differences.
      const data = generateClassicDataset(config).train;
      const loss = (w: number[]) => {
        const s = w[0] + w[1] * data.x[0][0] + w[2] * data.x[0][1];
        return config.model === 'delta-rule' ? 0.5 * (data.y[0] - s) ** 2 : Math.max(0, -data.y[0] * s);
      };
      const stated = [...flat(gradients.get('bias')), ...flat(gradients.get('weight'))];
      const h = 1e-6;
      initial.forEach((_, i) => {
        const up = initial.map((w, j) => (j === i ? w + h : w));
        const down = initial.map((w, j) => (j === i ? w - h : w));
        expect(Math.abs((loss(up) - loss(down)) / (2 * h) - stated[i])).toBeLessThan(GRADIENT_TOLERANCE);
      });
      // The engine's rule over the configured epochs, in one call, ends where the script must.
      const train = config.model === 'perceptron' ? trainPerceptron(data.x, data.y, { lr: config.lr, epochs: config.epochs, w0: initial }) : trainDeltaRule(data.x, data.y, { lr: config.lr, epochs: config.epochs, w0: initial });
      expect(JSON.parse(/^ENGINE_FINAL_WEIGHTS = (.*?) {2}#/m.exec(text)![1])).toEqual(train.weights);
      if (hasNumpy) {
        // The script's loop, replayed with numpy alone, reaches the engine's final weights.
        const result = JSON.parse(execFileSync('python3', [REFERENCE, writeScript(text)], { encoding: 'utf8' })) as { final: number[]; engine_final: number[] };
        result.final.forEach((w, i) => expect(Math.abs(w - result.engine_final[i])).toBeLessThan(1e-9));
      }
    });
  }

  it('replays the learning-rate and weight-decay changes made while the run trained, from their epochs on', () => {
    const text = exportPyTorchScript(CONFIGS[0][1], { runId: 'run-1', title: 'MLP' });
    expect(text).toContain('LR_SCHEDULE = {2: 0.05}');
    expect(text).toContain('WEIGHT_DECAY_SCHEDULE = {3: 0.01}');
    expect(text).toContain('group["weight_decay"] = WEIGHT_DECAY_SCHEDULE[epoch]');
    expect(exportPyTorchScript(CONFIGS[1][1], { runId: 'run-2', title: 'CNN' })).toContain('WEIGHT_DECAY_SCHEDULE = {}');
  });

  for (const [label, config] of CONFIGS) {
    it(`writes a ${label} script Python compiles, with the run's float32 initial weights for every parameter`, () => {
      const text = exportPyTorchScript(config, { runId: 'run-1', title: `${label} test\u0000 run` });
      expect(text).not.toContain('\u0000');
      // Throws (and fails the test) on a syntax error.
      execFileSync('python3', ['-m', 'py_compile', writeScript(text)]);
      // The initial weights are the run's: the same seeded draws the training makes in float32.
      const { learner, parameters: named } = withDefaultDtype('float32', () => familyParts(config));
      const trained = withDefaultDtype('float32', () => createLearner(config).model.parameters());
      // The export names every parameter of the model that trains, once.
      const own = learner.model.parameters();
      expect(named.length).toBe(trained.length);
      for (const p of named) expect(Array.from(p.tensor.data), p.name).toEqual(Array.from(trained[own.indexOf(p.tensor)].data));
      const initial = entries(text, 'INITIAL_WEIGHTS');
      expect([...initial.keys()]).toEqual(named.map((p) => p.name));
      for (const p of named) {
        const order = torchOrder(p);
        expect(flat(initial.get(p.name)), p.name).toEqual(order.map((i) => p.tensor.data[i]));
      }
      expect(text).toContain('FIRST_BATCH = [');
    });

    it(`states the ${label}'s true first-step loss and gradients (finite differences of the engine's loss)`, () => {
      const text = exportPyTorchScript(config, { runId: 'run-1', title: label });
      const weights = entries(text, 'INITIAL_WEIGHTS');
      const gradients = entries(text, 'ENGINE_GRADIENTS');
      const batch = JSON.parse(/^FIRST_BATCH = (.*)$/m.exec(text)![1]) as number[];
      const statedLoss = Number(/^ENGINE_LOSS = (.*)$/m.exec(text)![1]);

      withDefaultDtype('float64', () => {
        const { learner, parameters } = familyParts(config);
        // The batch is the run's first one: epoch 1's seeded shuffle.
        const order = rng(`${config.seed}:shuffle`).shuffle(Array.from({ length: learner.trainSize }, (_, i) => i));
        expect(batch).toEqual(order.slice(0, config.batchSize));
        // Load the script's weights (torch layout back to the engine's).
        for (const p of parameters) torchOrder(p).forEach((engineIndex, torchIndex) => (p.tensor.data[engineIndex] = flat(weights.get(p.name))[torchIndex]));
        learner.model.eval();
        const loss = () => noGrad(() => learner.batchLoss(batch).loss.item());
        expect(Math.abs(loss() - statedLoss)).toBeLessThan(1e-12);
        // Central differences on a spread of entries of every parameter, in torch's layout.
        const h = 1e-6;
        let checked = 0;
        for (const p of parameters) {
          const stated = flat(gradients.get(p.name));
          expect(stated.length, p.name).toBe(p.tensor.size);
          const order = torchOrder(p);
          for (let torchIndex = 0; torchIndex < p.tensor.size; torchIndex += Math.max(1, Math.floor(p.tensor.size / 4))) {
            const engineIndex = order[torchIndex];
            const saved = p.tensor.data[engineIndex];
            p.tensor.data[engineIndex] = saved + h;
            const up = loss();
            p.tensor.data[engineIndex] = saved - h;
            const down = loss();
            p.tensor.data[engineIndex] = saved;
            expect(Math.abs((up - down) / (2 * h) - stated[torchIndex]), `${p.name}[${torchIndex}]`).toBeLessThan(GRADIENT_TOLERANCE);
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(10);
      });
    });

    it(`reads the ${label} script's architecture back with numpy alone and gets the engine's first loss`, () => {
      if (!hasNumpy) {
        console.info('export-pytorch: numpy is not installed; the numpy reference of the architecture did not run.');
        return;
      }
      const file = writeScript(exportPyTorchScript(config, { runId: 'run-1', title: label }));
      const result = JSON.parse(execFileSync('python3', [REFERENCE, file], { encoding: 'utf8' })) as { loss: number; engine_loss: number; unused: string[] };
      expect(result.unused).toEqual([]);
      expect(Math.abs(result.loss - result.engine_loss)).toBeLessThan(1e-9);
    });
  }

  it(hasTorch ? 'runs every script under PyTorch: its loss and gradients match and it trains' : 'would run the scripts under PyTorch; PyTorch is not installed here, so only py_compile, numpy and the finite-difference checks ran', () => {
    if (!hasTorch) {
      console.info('export-pytorch: PyTorch is not installed (python3 -c "import torch" fails): the exported scripts were compiled and read back with numpy, not run.');
      expect(hasTorch).toBe(false);
      return;
    }
    for (const [label, config] of [...CONFIGS, ...CLASSIC]) {
      const output = execFileSync('python3', [writeScript(exportRunScript(config, { runId: 'run-1', title: label }))], { encoding: 'utf8' });
      expect(output, label).toMatch(/first-(step loss and gradients|example gradient) match(es)? the engine's/);
      expect(output, label).toMatch(/epoch \d+: validation loss/);
    }
  });
});
