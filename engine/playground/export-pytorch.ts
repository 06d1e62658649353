import { binaryCrossEntropyWithLogits, crossEntropy, nn, rng, tensor, withDefaultDtype, type Tensor } from '@/engine';
import type { TCnnConfig, TMlpConfig, TTrainingConfig } from './config-schema';
import { generateDigitDataset } from './datasets/digits';
import { generatePlaneDataset } from './datasets/plane';
import { buildDigitCnn } from './models/cnn-learner';
import { DIGIT_SIZE } from './models/cnn-shapes';
import { gatherRows } from './models/gather-rows';
import { buildMlp } from './models/mlp-learner';

// A run as a PyTorch script a student can take home: the architecture layer by layer, the run's
// initial weights and data (regenerated from its seed, exactly as it trained), the optimiser with
// its knobs, and a training loop. Before training, the script checks that its gradients of the
// first mini-batch's loss equal the engine's to within 1e-5 — so the script is the same model, not
// a look-alike.

/** The models whose layers map one to one onto torch.nn (a Sequential of standard layers). */
export type ExportableConfig = TMlpConfig | TCnnConfig;

export function isExportable(config: TTrainingConfig): config is ExportableConfig {
  return config.model === 'mlp' || config.model === 'cnn';
}

/** Largest |torch − engine| the script accepts for a first-step gradient. */
export const GRADIENT_TOLERANCE = 1e-5;

export interface ExportMeta {
  /** Printed in the script's header. */
  runId: string;
  title: string;
}

interface Layer {
  /** The torch.nn constructor call. */
  code: string;
  /** The engine's parameters of this layer in torch's layout, as nested lists. */
  params: { name: string; value: NestedNumbers }[];
}
type NestedNumbers = number | NestedNumbers[];

interface Prepared {
  model: nn.Sequential;
  head: 'sigmoid' | 'softmax';
  train: { x: NestedNumbers[]; y: number[]; shape: number[] };
  val: { x: NestedNumbers[]; y: number[] };
}

/**
 * The PyTorch script for a run of this configuration. Deterministic: the same configuration gives
 * the same text. The engine computes the first-step gradients here, in float64 from the run's
 * float32 initial weights, with dropout off (PyTorch cannot replay the engine's dropout masks).
 */
export function exportPyTorchScript(config: ExportableConfig, meta: ExportMeta): string {
  const prepared = withDefaultDtype('float64', () => prepare(config));
  const { model } = prepared;
  // The run trains in float32: its initial weights are these float64 draws rounded to float32.
  for (const p of model.parameters()) for (let i = 0; i < p.data.length; i++) p.data[i] = Math.fround(p.data[i]);
  const layers = model.layers.map(describeLayer);
  const batch = firstBatch(config, prepared.train.y.length);
  const gradients = withDefaultDtype('float64', () => firstStepGradients(prepared, batch));
  // Parameter names as torch's nn.Sequential gives them ("0.weight", "0.bias", …), with the gradients in torch's layout.
  let k = 0;
  const expected = layers.flatMap((layer, index) =>
    layer.params.map((param) => {
      const gradient = gradients[k++];
      const linear = model.layers[index] instanceof nn.Linear && param.name === 'weight';
      return { name: `${index}.${param.name}`, value: linear ? transpose(gradient) : reshapeLike(gradient) };
    }),
  );
  return script(config, meta, prepared, layers, batch, expected);
}

function prepare(config: ExportableConfig): Prepared {
  if (config.model === 'mlp') {
    const data = generatePlaneDataset(config);
    return { model: buildMlp(config), head: 'sigmoid', train: { x: data.train.x, y: data.train.y, shape: [2] }, val: { x: data.val.x, y: data.val.y } };
  }
  const data = generateDigitDataset(config);
  return {
    model: buildDigitCnn(config).model,
    head: 'softmax',
    train: { x: data.train.images, y: data.train.labels, shape: [1, DIGIT_SIZE, DIGIT_SIZE] },
    val: { x: data.val.images, y: data.val.labels },
  };
}

/** The engine's first mini-batch: the seeded shuffle of epoch 1 (run-gradient-training.ts), its first batchSize examples. */
function firstBatch(config: ExportableConfig, trainSize: number): number[] {
  const order = Array.from({ length: trainSize }, (_, i) => i);
  rng(`${config.seed}:shuffle`).shuffle(order);
  return order.slice(0, config.batchSize);
}

function firstStepGradients({ model, head, train }: Prepared, batch: number[]): Tensor[] {
  model.eval();
  model.zeroGrad();
  const inputs = gatherRows(train.x as number[][], batch, [batch.length, ...train.shape]);
  const logits = model.forward(inputs);
  const labels = batch.map((i) => train.y[i]);
  const loss = head === 'softmax' ? crossEntropy(logits, labels) : binaryCrossEntropyWithLogits(logits, tensor({ data: labels, shape: [labels.length, 1] }));
  loss.backward();
  return model.parameters().map((p) => {
    if (!p.grad) throw new Error('a parameter got no gradient');
    return tensor({ data: Float64Array.from(p.grad.data), shape: p.shape });
  });
}

function describeLayer(layer: nn.TensorModule): Layer {
  if (layer instanceof nn.Linear) {
    const params: Layer['params'] = [{ name: 'weight', value: transpose(layer.weight) }];
    if (layer.bias) params.push({ name: 'bias', value: reshapeLike(layer.bias) });
    return { code: `nn.Linear(${layer.inFeatures}, ${layer.outFeatures}${layer.bias ? '' : ', bias=False'})`, params };
  }
  if (layer instanceof nn.Conv2d) {
    // The engine's convolution is NCHW with weight [out, in, k, k]: torch's layout already.
    const params: Layer['params'] = [{ name: 'weight', value: reshapeLike(layer.weight) }];
    if (layer.bias) params.push({ name: 'bias', value: reshapeLike(layer.bias) });
    return { code: `nn.Conv2d(${layer.inChannels}, ${layer.outChannels}, ${layer.kernelSize}, stride=${layer.stride}, padding=${layer.padding}${layer.bias ? '' : ', bias=False'})`, params };
  }
  if (layer instanceof nn.MaxPool2d) return { code: `nn.MaxPool2d(${layer.kernelSize}, stride=${layer.stride})`, params: [] };
  if (layer instanceof nn.Flatten) return { code: 'nn.Flatten()', params: [] };
  if (layer instanceof nn.Dropout) return { code: `nn.Dropout(${py(layer.p)})`, params: [] };
  if (layer instanceof nn.ReLU) return { code: 'nn.ReLU()', params: [] };
  if (layer instanceof nn.Tanh) return { code: 'nn.Tanh()', params: [] };
  if (layer instanceof nn.Sigmoid) return { code: 'nn.Sigmoid()', params: [] };
  throw new Error(`no PyTorch counterpart for the layer ${layer.constructor.name}`);
}

/** A 2-D engine Linear weight [in, out] as torch's [out, in]. */
function transpose(t: Tensor): NestedNumbers[] {
  const [rows, cols] = t.shape;
  return Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => t.data[r * cols + c]));
}

function reshapeLike(t: Tensor): NestedNumbers {
  const build = (offset: number, axis: number): NestedNumbers => {
    if (axis === t.shape.length) return t.data[offset];
    const stride = t.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: t.shape[axis] }, (_, i) => build(offset + i * stride, axis + 1));
  };
  return build(0, 0);
}

/** A number as a Python literal (shortest round-trip form, which Python reads back exactly). */
function py(value: number): string {
  if (!Number.isFinite(value)) throw new Error('only finite numbers can be exported');
  return Object.is(value, -0) ? '-0.0' : String(value);
}

function list(value: NestedNumbers): string {
  return Array.isArray(value) ? `[${value.map(list).join(', ')}]` : py(value);
}

/** Rows of a long list, one per line, so the file stays readable. */
function rows(values: NestedNumbers[], indent = '    '): string {
  return `[\n${values.map((row) => `${indent}${list(row)},`).join('\n')}\n]`;
}

function script(config: ExportableConfig, meta: ExportMeta, prepared: Prepared, layers: Layer[], batch: number[], expected: { name: string; value: NestedNumbers }[]): string {
  const { head, train, val } = prepared;
  const labelType = head === 'softmax' ? 'torch.long' : 'torch.float64';
  const lossCall = head === 'softmax' ? 'F.cross_entropy(logits, labels)' : 'F.binary_cross_entropy_with_logits(logits, labels.unsqueeze(1))';
  const predict = head === 'softmax' ? 'logits.argmax(dim=1)' : '(logits.squeeze(1) > 0).long()';
  const optimizer =
    config.optimizer === 'adam'
      ? `torch.optim.Adam(model.parameters(), lr=${py(config.lr)}, weight_decay=${py(config.weightDecay)})`
      : `torch.optim.SGD(model.parameters(), lr=${py(config.lr)}, momentum=${config.optimizer === 'momentum' ? '0.9' : '0.0'}, weight_decay=${py(config.weightDecay)})`;
  const schedule = (changes: { epoch: number; value: number }[]) => `{${changes.map((change) => `${change.epoch}: ${py(change.value)}`).join(', ')}}`;
  const lrChanges = (config.lrSchedule ?? []).map((change) => ({ epoch: change.epoch, value: change.lr }));
  const weightDecayChanges = (config.weightDecaySchedule ?? []).map((change) => ({ epoch: change.epoch, value: change.weightDecay }));
  const knobs = JSON.stringify(config);
  const initial = layers.flatMap((layer, index) => layer.params.map((param) => `    "${index}.${param.name}": ${list(param.value)},`));
  return `#!/usr/bin/env python3
# Backprop Live — ${oneLine(meta.title)} (run ${oneLine(meta.runId)}), exported to PyTorch.
#
# The model, its initial weights and its data are the run's own (the engine regenerates them from
# the run's seed). Before training, this script checks that its gradients of the first mini-batch's
# loss equal the engine's to within ${GRADIENT_TOLERANCE} (dropout off on both sides). The training loop then
# uses PyTorch's own random batch order and dropout, so its curve is close to the run's, not equal.
#
# Needs Python 3 and PyTorch (pip install torch). Run: python3 this_file.py
# Knobs: ${knobs}

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
torch.manual_seed(${config.seed})

model = nn.Sequential(
${layers.map((layer) => `    ${layer.code},`).join('\n')}
)

# The run's initial weights (torch's layout: Linear weights are [out, in]).
INITIAL_WEIGHTS = {
${initial.join('\n')}
}
with torch.no_grad():
    for name, parameter in model.named_parameters():
        parameter.copy_(torch.tensor(INITIAL_WEIGHTS[name]))

# Training and validation data${head === 'softmax' ? ` (${DIGIT_SIZE}×${DIGIT_SIZE} images, flattened row by row)` : ' (x, y points)'}.
TRAIN_X = ${rows(train.x)}
TRAIN_Y = ${list(train.y)}
VAL_X = ${rows(val.x)}
VAL_Y = ${list(val.y)}
train_x = torch.tensor(TRAIN_X).reshape(-1, ${train.shape.join(', ')})
train_y = torch.tensor(TRAIN_Y, dtype=${labelType})
val_x = torch.tensor(VAL_X).reshape(-1, ${train.shape.join(', ')})
val_y = torch.tensor(VAL_Y, dtype=${labelType})


def loss_of(inputs, labels):
    logits = model(inputs)
    return ${lossCall}, logits


# 1. The first step's gradients, checked against the engine's.
FIRST_BATCH = ${list(batch)}
ENGINE_GRADIENTS = {
${expected.map((entry) => `    "${entry.name}": ${list(entry.value)},`).join('\n')}
}
model.eval()
model.zero_grad()
loss, _ = loss_of(train_x[FIRST_BATCH], train_y[FIRST_BATCH])
loss.backward()
for name, parameter in model.named_parameters():
    difference = (parameter.grad - torch.tensor(ENGINE_GRADIENTS[name])).abs().max().item()
    assert difference <= ${GRADIENT_TOLERANCE}, f"{name}: the gradient differs from the engine's by {difference}"
print("first-step gradients match the engine's to within ${GRADIENT_TOLERANCE}")

# 2. Training: ${config.optimizer}, learning rate ${py(config.lr)}, batch size ${config.batchSize}, ${config.epochs} epochs${config.patience > 0 ? `, early stopping after ${config.patience} epochs without a better validation loss` : ''}.
optimizer = ${optimizer}
LR_SCHEDULE = ${schedule(lrChanges)}  # learning-rate changes made while the run trained, from that epoch on
WEIGHT_DECAY_SCHEDULE = ${schedule(weightDecayChanges)}  # weight-decay changes made while the run trained, from that epoch on
best, patience = float("inf"), 0
for epoch in range(1, ${config.epochs} + 1):
    for group in optimizer.param_groups:
        if epoch in LR_SCHEDULE:
            group["lr"] = LR_SCHEDULE[epoch]
        if epoch in WEIGHT_DECAY_SCHEDULE:
            group["weight_decay"] = WEIGHT_DECAY_SCHEDULE[epoch]
    model.train()
    order = torch.randperm(len(train_y))
    for start in range(0, len(order), ${config.batchSize}):
        batch = order[start:start + ${config.batchSize}]
        optimizer.zero_grad()
        loss, _ = loss_of(train_x[batch], train_y[batch])
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        val_loss, logits = loss_of(val_x, val_y)
        accuracy = (${predict} == val_y.long()).double().mean().item()
    print(f"epoch {epoch}: validation loss {val_loss.item():.4f}, accuracy {accuracy:.3f}")
${config.patience > 0 ? `    if val_loss.item() < best:
        best, patience = val_loss.item(), 0
    else:
        patience += 1
        if patience >= ${config.patience}:
            break
` : ''}`;
}

/** Text that goes into a comment: one line, no control characters. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').slice(0, 200);
}
