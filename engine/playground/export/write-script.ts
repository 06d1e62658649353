import type { GradientConfig } from '../config-schema';
import type { Learner } from '../models/learner';
import { oneLine, py, pyList, pyValue, type NamedParameter, type NestedNumbers } from './python';

// The script every model family shares: header, knobs, the family's model and data, the run's
// initial weights, the first-step gradient check, the optimiser and the training loop. A family
// (sequential.ts, recurrent.ts, transformer.ts) supplies only what differs.

/** Largest |torch − engine| the script accepts for a first-step gradient (and the first loss). */
export const GRADIENT_TOLERANCE = 1e-5;

export interface ExportMeta {
  /** Printed in the script's header. */
  runId: string;
  title: string;
}

/** What one model family contributes to the script. */
export interface FamilyParts {
  /** The engine's learner for the run, built in float64 (its parameters are rounded to float32 by the caller). */
  learner: Learner;
  /** Every parameter of the learner's model under its name in the script, in `named_parameters()` order. */
  parameters: NamedParameter[];
  /** Python: the classes the model needs and `model = …`. */
  modelCode: string;
  /** Python: the data literals and the tensors train_x, train_y, val_x, val_y. */
  dataCode: string;
  /** Python expression: the mean loss from `logits` and `labels`, as the engine computes it. */
  lossExpr: string;
  /** Python expression: one boolean per prediction from `logits` and `labels`. */
  correctExpr: string;
}

export interface ScriptInput {
  config: GradientConfig;
  meta: ExportMeta;
  family: FamilyParts;
  initial: { name: string; value: NestedNumbers }[];
  expected: { name: string; value: NestedNumbers }[];
  batch: number[];
  loss: number;
}

export function writeScript({ config, meta, family, initial, expected, batch, loss }: ScriptInput): string {
  const optimizer =
    config.optimizer === 'adam'
      ? `torch.optim.Adam(model.parameters(), lr=${py(config.lr)}, betas=(0.9, 0.999), eps=1e-08, weight_decay=${py(config.weightDecay)})`
      : `torch.optim.SGD(model.parameters(), lr=${py(config.lr)}, momentum=${config.optimizer === 'momentum' ? '0.9' : '0.0'}, weight_decay=${py(config.weightDecay)})`;
  const schedule = (changes: { epoch: number; value: number }[]) => `{${changes.map((change) => `${change.epoch}: ${py(change.value)}`).join(', ')}}`;
  const lrChanges = (config.lrSchedule ?? []).map((change) => ({ epoch: change.epoch, value: change.lr }));
  const weightDecayChanges = (config.weightDecaySchedule ?? []).map((change) => ({ epoch: change.epoch, value: change.weightDecay }));
  return `#!/usr/bin/env python3
# Backprop Live — ${oneLine(meta.title)} (run ${oneLine(meta.runId)}), exported to PyTorch.
#
# The model, its initial weights and its data are the run's own (the engine regenerates them from
# the run's seed). Before training, this script checks that its loss and its gradients of the first
# mini-batch equal the engine's to within ${GRADIENT_TOLERANCE} (dropout off on both sides). The training loop
# then uses PyTorch's own random batch order and dropout, so its curve is close to the run's, not equal.
#
# Needs Python 3 and PyTorch (pip install torch). Run: python3 this_file.py

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
torch.manual_seed(${config.seed})

# The run's knobs, as it was trained.
KNOBS = ${pyValue(config)}

${family.modelCode.trim()}

# The run's initial weights (torch's layout: nn.Linear weights are [out, in]).
INITIAL_WEIGHTS = {
${initial.map((entry) => `    "${entry.name}": ${pyList(entry.value)},`).join('\n')}
}
assert set(INITIAL_WEIGHTS) == {name for name, _ in model.named_parameters()}, "the weights do not fit the model"
with torch.no_grad():
    for name, parameter in model.named_parameters():
        parameter.copy_(torch.tensor(INITIAL_WEIGHTS[name]))

${family.dataCode.trim()}


def loss_of(inputs, labels):
    logits = model(inputs)
    return ${family.lossExpr}, logits


# 1. The first step's loss and gradients, checked against the engine's.
FIRST_BATCH = ${pyList(batch)}
ENGINE_LOSS = ${py(loss)}
ENGINE_GRADIENTS = {
${expected.map((entry) => `    "${entry.name}": ${pyList(entry.value)},`).join('\n')}
}
model.eval()
model.zero_grad()
loss, _ = loss_of(train_x[FIRST_BATCH], train_y[FIRST_BATCH])
assert abs(loss.item() - ENGINE_LOSS) <= ${GRADIENT_TOLERANCE}, f"the first loss {loss.item()} differs from the engine's {ENGINE_LOSS}"
loss.backward()
for name, parameter in model.named_parameters():
    difference = (parameter.grad - torch.tensor(ENGINE_GRADIENTS[name])).abs().max().item()
    assert difference <= ${GRADIENT_TOLERANCE}, f"{name}: the gradient differs from the engine's by {difference}"
print("first-step loss and gradients match the engine's to within ${GRADIENT_TOLERANCE}")

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
        labels = val_y
        accuracy = (${family.correctExpr}).double().mean().item()
    print(f"epoch {epoch}: validation loss {val_loss.item():.4f}, accuracy {accuracy:.3f}")
${config.patience > 0 ? `    if val_loss.item() < best:
        best, patience = val_loss.item(), 0
    else:
        patience += 1
        if patience >= ${config.patience}:
            break
` : ''}`;
}
