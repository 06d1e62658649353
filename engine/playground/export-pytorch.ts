import { rng, withDefaultDtype } from '@/engine';
import type { GradientConfig, TTrainingConfig } from './config-schema';
import { classicScript } from './export/classic';
import { inTorchLayout } from './export/python';
import { recurrentParts } from './export/recurrent';
import { sequentialParts } from './export/sequential';
import { transformerParts } from './export/transformer';
import { writeScript, type ExportMeta, type FamilyParts } from './export/write-script';

// A run as a PyTorch script a student can take home: the architecture layer by layer, the run's
// initial weights and data (regenerated from its seed, exactly as it trained), the optimiser with
// its knobs, and a training loop. Before training, the script checks that its loss and gradients
// of the first mini-batch equal the engine's to within 1e-5 — so the script is the same model, not
// a look-alike. One file per model family in export/ (sequential, recurrent, transformer), one
// Python writer (export/python.ts) and one script skeleton (export/write-script.ts).

/** The models trained by gradient descent on mini-batches (every model but the perceptron and delta rules). */
export type ExportableConfig = GradientConfig;

/** Any run as a PyTorch script: the single neurons replay exactly (export/classic.ts), the others check their first step. */
export function exportRunScript(config: TTrainingConfig, meta: ExportMeta): string {
  if (config.model === 'perceptron' || config.model === 'delta-rule') return classicScript(config, meta);
  return exportPyTorchScript(config, meta);
}

/**
 * The PyTorch script for a run of this configuration. Deterministic: the same configuration gives
 * the same text. The engine computes the first-step loss and gradients here, in float64 from the
 * run's float32 initial weights, with dropout off (PyTorch cannot replay the engine's dropout masks).
 */
export function exportPyTorchScript(config: ExportableConfig, meta: ExportMeta): string {
  return withDefaultDtype('float64', () => {
    const family = familyParts(config);
    const { learner, parameters } = family;
    const all = learner.model.parameters();
    if (parameters.length !== all.length || !all.every((p) => parameters.some((named) => named.tensor === p))) {
      throw new Error(`the ${config.model} export names ${parameters.length} of the model's ${all.length} parameters`);
    }
    // The run trains in float32: its initial weights are these float64 draws rounded to float32.
    for (const p of all) for (let i = 0; i < p.data.length; i++) p.data[i] = Math.fround(p.data[i]);
    const initial = parameters.map(({ name, tensor, layout }) => ({ name, value: inTorchLayout(tensor, layout) }));

    const batch = firstBatch(config, learner.trainSize);
    learner.model.eval();
    learner.model.zeroGrad();
    const { loss } = learner.batchLoss(batch);
    loss.backward();
    const expected = parameters.map(({ name, tensor, layout }) => {
      if (!tensor.grad) throw new Error(`${name} got no gradient`);
      return { name, value: inTorchLayout(tensor.grad, layout) };
    });
    return writeScript({ config, meta, family, initial, expected, batch, loss: loss.item() });
  });
}

/** The family's part of the script, with the engine's learner for the run (built in the current default dtype). */
export function familyParts(config: ExportableConfig): FamilyParts {
  switch (config.model) {
    case 'mlp':
    case 'cnn':
      return sequentialParts(config);
    case 'rnn':
    case 'lstm':
      return recurrentParts(config);
    case 'transformer':
      return transformerParts(config);
  }
}

/** The engine's first mini-batch: the seeded shuffle of epoch 1 (run-gradient-training.ts), its first batchSize examples. */
function firstBatch(config: ExportableConfig, trainSize: number): number[] {
  const order = Array.from({ length: trainSize }, (_, i) => i);
  rng(`${config.seed}:shuffle`).shuffle(order);
  return order.slice(0, config.batchSize);
}
