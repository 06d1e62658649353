import { rng, trainDeltaRule, trainPerceptron } from '@/engine';
import type { TClassicConfig } from '../config-schema';
import { generateClassicDataset } from '../datasets/classic';
import { oneLine, py, pyList, pyRows, pyValue } from './python';
import { GRADIENT_TOLERANCE, type ExportMeta } from './write-script';

// The lecture's single neurons (perceptron and delta rule) as a PyTorch script. They learn one
// example at a time in a fixed order, without a random batch order or dropout, so the script can
// replay the run exactly: it checks the first example's gradient (the delta rule's ½(t − s)², the
// perceptron criterion max(0, −t·s)) and, after training, the engine's final weights.

/** Largest |torch − engine| the script accepts for the final weights after replaying every epoch. */
const REPLAY_TOLERANCE = 1e-9;

interface Replay {
  initial: number[];
  /** The weights after the last epoch the configuration trains (null if they overflowed). */
  final: number[] | null;
  epochs: number;
}

/** The engine's run, epoch by epoch as run-classic-training.ts trains it. */
function replay(config: TClassicConfig, data: ReturnType<typeof generateClassicDataset>): Replay {
  const initRng = rng(`${config.seed}:init`);
  const initial = [0, 0, 0].map(() => initRng.uniform(-0.5, 0.5));
  let weights = initial;
  let epochs = 0;
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    epochs = epoch;
    if (config.model === 'perceptron') {
      const result = trainPerceptron(data.train.x, data.train.y, { lr: config.lr, epochs: 1, w0: weights });
      weights = result.weights;
      if (result.converged) break;
    } else {
      weights = trainDeltaRule(data.train.x, data.train.y, { lr: config.lr, epochs: 1, w0: weights }).weights;
      if (!weights.every(Number.isFinite)) return { initial, final: null, epochs };
    }
  }
  return { initial, final: weights, epochs };
}

export function classicScript(config: TClassicConfig, meta: ExportMeta): string {
  const data = generateClassicDataset(config);
  const { initial, final, epochs } = replay(config, data);
  const [x1, x2] = data.train.x[0];
  const t = data.train.y[0];
  const s = initial[0] + initial[1] * x1 + initial[2] * x2;
  // d/dw of the first example's loss, as [bias, w1, w2]: ½(t − s)² → −(t − s)·[1, x]; max(0, −t·s) → −t·[1, x] when t·s < 0.
  const factor = config.model === 'delta-rule' ? -(t - s) : t * s < 0 ? -t : 0;
  const isPerceptron = config.model === 'perceptron';
  const lossLine = isPerceptron ? 'F.relu(-label * s)  # the perceptron criterion: 0 when right' : '0.5 * (label - s) ** 2';
  return `#!/usr/bin/env python3
# Backprop Live — ${oneLine(meta.title)} (run ${oneLine(meta.runId)}), exported to PyTorch.
#
# ${isPerceptron ? "Rosenblatt's perceptron" : 'The delta rule (Widrow–Hoff)'} on one linear unit s = w0 + w1·x1 + w2·x2 (nn.Linear(2, 1): its bias is w0),
# labels ±1, one example at a time in the data's order, exactly as the engine trains it. So this
# script replays the run exactly: it checks the first example's gradient, then trains and checks
# that its final weights equal the engine's to within ${REPLAY_TOLERANCE}.
#
# Needs Python 3 and PyTorch (pip install torch). Run: python3 this_file.py

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

# The run's knobs, as it was trained.
KNOBS = ${pyValue(config)}

model = nn.Linear(2, 1)

# The run's initial weights (drawn from its seed, uniform in [-0.5, 0.5]).
INITIAL_WEIGHTS = {
    "weight": ${pyList([[initial[1], initial[2]]])},
    "bias": ${pyList([initial[0]])},
}
with torch.no_grad():
    for name, parameter in model.named_parameters():
        parameter.copy_(torch.tensor(INITIAL_WEIGHTS[name]))

# Training data (${config.noise > 0 ? `jittered copies of the corners, noise ${py(config.noise)}` : 'the four corners'}) and validation data (the four corners).
TRAIN_X = ${pyRows(data.train.x)}
TRAIN_Y = ${pyList(data.train.y)}
VAL_X = ${pyRows(data.val.x)}
VAL_Y = ${pyList(data.val.y)}
train_x, train_y = torch.tensor(TRAIN_X), torch.tensor(TRAIN_Y)
val_x, val_y = torch.tensor(VAL_X), torch.tensor(VAL_Y)


def loss_of(x, label):
    s = model(x)[0]
    return ${lossLine}


# 1. The first example's gradient, checked against the engine's.
ENGINE_GRADIENTS = {
    "weight": ${pyList([[factor * x1, factor * x2]])},
    "bias": ${pyList([factor])},
}
model.zero_grad()
loss_of(train_x[0], train_y[0]).backward()
for name, parameter in model.named_parameters():
    difference = (parameter.grad - torch.tensor(ENGINE_GRADIENTS[name])).abs().max().item()
    assert difference <= ${GRADIENT_TOLERANCE}, f"{name}: the gradient differs from the engine's by {difference}"
print("first-example gradient matches the engine's to within ${GRADIENT_TOLERANCE}")

# 2. Training, one example at a time: ${isPerceptron ? 'on a mistake (s > 0 counts as +1, else -1), w += lr · t · [1, x]; stops after a pass without a mistake' : 'w += lr · (t - s) · [1, x], gradient descent on ½(t - s)²'}.
LR, EPOCHS = ${py(config.lr)}, ${config.epochs}
with torch.no_grad():
    for epoch in range(1, EPOCHS + 1):
        mistakes = 0
        for x, label in zip(train_x, train_y):
            s = model(x)[0]
${isPerceptron ? `            if (1.0 if s > 0 else -1.0) == label:
                continue
            mistakes += 1
            step = LR * label` : '            step = LR * (label - s)'}
            model.bias += step
            model.weight[0] += step * x
        s = model(val_x)[:, 0]
        accuracy = ((s > 0).double() * 2 - 1 == val_y).double().mean().item()
        loss = ${isPerceptron ? '1 - accuracy  # the fraction of mistakes' : '(0.5 * (val_y - s) ** 2).mean().item()'}
        print(f"epoch {epoch}: validation loss {loss:.4f}, accuracy {accuracy:.3f}")
${isPerceptron ? `        if mistakes == 0:
            break
` : ''}
# 3. The engine's weights after the same ${epochs} epochs${final ? '' : ' (they overflowed: the run diverged, as here)'}.
ENGINE_FINAL_WEIGHTS = ${final ? pyList(final) : 'None'}  # [w0 (bias), w1, w2]
if ENGINE_FINAL_WEIGHTS is not None:
    final = [model.bias[0].item(), *model.weight[0].tolist()]
    difference = max(abs(a - b) for a, b in zip(final, ENGINE_FINAL_WEIGHTS))
    assert difference <= ${REPLAY_TOLERANCE}, f"the final weights differ from the engine's by {difference}"
    print("final weights match the engine's to within ${REPLAY_TOLERANCE}")
`;
}
