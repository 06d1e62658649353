import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyWithLogits, crossEntropy, nn, noGrad, rng, tensor, withDefaultDtype } from '@/engine';
import { ZMlpConfig, ZCnnConfig, type TCnnConfig, type TMlpConfig } from './config-schema';
import { DEFAULT_CONFIGS } from './default-configs';
import { generateDigitDataset } from './datasets/digits';
import { generatePlaneDataset } from './datasets/plane';
import { exportPyTorchScript, GRADIENT_TOLERANCE, isExportable } from './export-pytorch';
import { buildDigitCnn } from './models/cnn-learner';
import { DIGIT_SIZE } from './models/cnn-shapes';
import { gatherRows } from './models/gather-rows';
import { buildMlp } from './models/mlp-learner';

// The CNN uses tanh here: its images have a zero background and its biases start at zero, so a ReLU
// would sit exactly on its kink there, where a finite difference cannot see the gradient (0, as in PyTorch).
const mlp: TMlpConfig = ZMlpConfig.parse({ ...DEFAULT_CONFIGS.mlp, hidden: [5, 3], activation: 'relu', dropout: 0.2, samples: 80, batchSize: 16, epochs: 3, seed: 42, optimizer: 'momentum', lrSchedule: [{ epoch: 2, lr: 0.05 }], weightDecaySchedule: [{ epoch: 3, weightDecay: 0.01 }] });
const cnn: TCnnConfig = ZCnnConfig.parse({ ...DEFAULT_CONFIGS.cnn, filters: 2, filters2: 2, hidden: 4, activation: 'tanh', samples: 100, batchSize: 10, epochs: 2, seed: 7, optimizer: 'adam' });

const hasTorch = spawnSync('python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

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

/** The engine's torch-layout view of a parameter: Linear weights transposed to [out, in]. */
function torchLayout(module: nn.TensorModule, name: string, p: { data: ArrayLike<number>; shape: readonly number[] }): number[] {
  if (!(module instanceof nn.Linear) || name !== 'weight') return Array.from(p.data);
  const [rows, cols] = p.shape;
  return Array.from({ length: rows * cols }, (_, k) => p.data[(k % rows) * cols + Math.floor(k / rows)]);
}

describe('export to PyTorch', () => {
  it('exports the MLP and the CNN, not the hand-written recurrent and attention models', () => {
    expect(isExportable(mlp)).toBe(true);
    expect(isExportable(cnn)).toBe(true);
    expect(isExportable({ ...DEFAULT_CONFIGS.lstm })).toBe(false);
  });

  it('replays the learning-rate and weight-decay changes made while the run trained, from their epochs on', () => {
    const text = exportPyTorchScript(mlp, { runId: 'run-1', title: 'MLP' });
    expect(text).toContain('LR_SCHEDULE = {2: 0.05}');
    expect(text).toContain('WEIGHT_DECAY_SCHEDULE = {3: 0.01}');
    expect(text).toContain('group["weight_decay"] = WEIGHT_DECAY_SCHEDULE[epoch]');
    expect(exportPyTorchScript(cnn, { runId: 'run-2', title: 'CNN' })).toContain('WEIGHT_DECAY_SCHEDULE = {}');
  });

  for (const [label, config] of [['MLP', mlp], ['CNN', cnn]] as const) {
    it(`writes a ${label} script Python compiles, with the run's float32 initial weights`, () => {
      const text = exportPyTorchScript(config, { runId: 'run-1', title: `${label} test\u0000 run` });
      expect(text).not.toContain('\u0000');
      const file = writeScript(text);
      // Throws (and fails the test) on a syntax error.
      execFileSync('python3', ['-m', 'py_compile', file]);
      // The initial weights are the run's: the same seeded draws the training makes in float32.
      const model = withDefaultDtype('float32', () => (config.model === 'mlp' ? buildMlp(config) : buildDigitCnn(config).model));
      const initial = entries(text, 'INITIAL_WEIGHTS');
      const expected = model.layers.flatMap((layer, index) =>
        layer.parameters().map((p, k) => [`${index}.${k === 0 ? 'weight' : 'bias'}`, torchLayout(layer, k === 0 ? 'weight' : 'bias', p)] as const),
      );
      expect([...initial.keys()]).toEqual(expected.map(([name]) => name));
      for (const [name, values] of expected) expect(flat(initial.get(name)), name).toEqual(values);
      expect(text).toContain(`FIRST_BATCH = [`);
    });

    it(`states the ${label}'s true first-step gradients (finite differences of the engine's loss)`, () => {
      const text = exportPyTorchScript(config, { runId: 'run-1', title: label });
      const weights = entries(text, 'INITIAL_WEIGHTS');
      const gradients = entries(text, 'ENGINE_GRADIENTS');
      const batch = JSON.parse(/^FIRST_BATCH = (.*)$/m.exec(text)![1]) as number[];
      // The batch is the run's first one: epoch 1's seeded shuffle.
      const trainSize = config.model === 'mlp' ? generatePlaneDataset(config).train.y.length : generateDigitDataset(config).train.labels.length;
      const order = rng(`${config.seed}:shuffle`).shuffle(Array.from({ length: trainSize }, (_, i) => i));
      expect(batch).toEqual(order.slice(0, config.batchSize));

      withDefaultDtype('float64', () => {
        const model = config.model === 'mlp' ? buildMlp(config) : buildDigitCnn(config).model;
        model.eval();
        const named = model.layers.flatMap((layer, index) => layer.parameters().map((p, k) => ({ layer, name: `${index}.${k === 0 ? 'weight' : 'bias'}`, p })));
        // Load the script's weights (torch layout back to the engine's).
        for (const { layer, name, p } of named) {
          const torchValues = flat(weights.get(name));
          const order = torchLayout(layer, name.endsWith('weight') ? 'weight' : 'bias', { data: Array.from({ length: p.size }, (_, i) => i), shape: p.shape });
          order.forEach((engineIndex, torchIndex) => (p.data[engineIndex] = torchValues[torchIndex]));
        }
        const loss = () =>
          noGrad(() => {
            if (config.model === 'mlp') {
              const data = generatePlaneDataset(config).train;
              const logits = model.forward(gatherRows(data.x, batch, [batch.length, 2]));
              return binaryCrossEntropyWithLogits(logits, tensor({ data: batch.map((i) => data.y[i]), shape: [batch.length, 1] })).item();
            }
            const data = generateDigitDataset(config).train;
            return crossEntropy(model.forward(gatherRows(data.images, batch, [batch.length, 1, DIGIT_SIZE, DIGIT_SIZE])), batch.map((i) => data.labels[i])).item();
          });
        // Central differences on a spread of entries of every parameter, in torch's layout.
        const h = 1e-6;
        let checked = 0;
        for (const { layer, name, p } of named) {
          const stated = flat(gradients.get(name));
          expect(stated.length, name).toBe(p.size);
          const order = torchLayout(layer, name.endsWith('weight') ? 'weight' : 'bias', { data: Array.from({ length: p.size }, (_, i) => i), shape: p.shape });
          for (let torchIndex = 0; torchIndex < p.size; torchIndex += Math.max(1, Math.floor(p.size / 5))) {
            const engineIndex = order[torchIndex];
            const saved = p.data[engineIndex];
            p.data[engineIndex] = saved + h;
            const up = loss();
            p.data[engineIndex] = saved - h;
            const down = loss();
            p.data[engineIndex] = saved;
            expect(Math.abs((up - down) / (2 * h) - stated[torchIndex]), `${name}[${torchIndex}]`).toBeLessThan(GRADIENT_TOLERANCE);
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(10);
      });
    });
  }

  it(hasTorch ? 'runs the MLP script under PyTorch: its gradients match and it trains' : 'would run the script under PyTorch; PyTorch is not installed here, so only py_compile and the finite-difference checks ran', () => {
    if (!hasTorch) {
      console.info('export-pytorch: PyTorch is not installed (python3 -c "import torch" fails): the exported scripts were compiled, not run.');
      expect(hasTorch).toBe(false);
      return;
    }
    const file = writeScript(exportPyTorchScript(mlp, { runId: 'run-1', title: 'MLP' }));
    const output = execFileSync('python3', [file], { encoding: 'utf8' });
    expect(output).toContain("first-step gradients match the engine's");
    expect(output).toMatch(/epoch 3: validation loss/);
  });
});
