import { nn } from '@/engine';
import type { TCnnConfig, TMlpConfig } from '../config-schema';
import { generateDigitDataset } from '../datasets/digits';
import { generatePlaneDataset } from '../datasets/plane';
import { createCnnLearner } from '../models/cnn-learner';
import { DIGIT_SIZE } from '../models/cnn-shapes';
import { createMlpLearner } from '../models/mlp-learner';
import { py, pyList, pyRows, type NamedParameter } from './python';
import type { FamilyParts } from './write-script';

// The MLP and the CNN: a Sequential of standard layers, each one torch.nn layer.

export function sequentialParts(config: TMlpConfig | TCnnConfig): FamilyParts {
  if (config.model === 'mlp') {
    const data = generatePlaneDataset(config);
    const learner = createMlpLearner(config, data);
    return {
      ...describeSequential(learner.model as nn.Sequential),
      learner,
      dataCode: `# Training and validation data (x, y points; label 0 or 1).
TRAIN_X = ${pyRows(data.train.x)}
TRAIN_Y = ${pyList(data.train.y)}
VAL_X = ${pyRows(data.val.x)}
VAL_Y = ${pyList(data.val.y)}
train_x, train_y = torch.tensor(TRAIN_X), torch.tensor(TRAIN_Y, dtype=torch.float64)
val_x, val_y = torch.tensor(VAL_X), torch.tensor(VAL_Y, dtype=torch.float64)`,
      lossExpr: 'F.binary_cross_entropy_with_logits(logits, labels.unsqueeze(1))',
      correctExpr: '(logits.squeeze(1) > 0).double() == labels',
    };
  }
  const data = generateDigitDataset(config);
  const learner = createCnnLearner(config, data);
  return {
    ...describeSequential(learner.model as nn.Sequential),
    learner,
    dataCode: `# Training and validation data (${DIGIT_SIZE}×${DIGIT_SIZE} images, flattened row by row; label the digit).
TRAIN_X = ${pyRows(data.train.images)}
TRAIN_Y = ${pyList(data.train.labels)}
VAL_X = ${pyRows(data.val.images)}
VAL_Y = ${pyList(data.val.labels)}
train_x, train_y = torch.tensor(TRAIN_X).reshape(-1, 1, ${DIGIT_SIZE}, ${DIGIT_SIZE}), torch.tensor(TRAIN_Y)
val_x, val_y = torch.tensor(VAL_X).reshape(-1, 1, ${DIGIT_SIZE}, ${DIGIT_SIZE}), torch.tensor(VAL_Y)`,
    lossExpr: 'F.cross_entropy(logits, labels)',
    correctExpr: 'logits.argmax(dim=1) == labels',
  };
}

function describeSequential(model: nn.Sequential): Pick<FamilyParts, 'modelCode' | 'parameters'> {
  const parameters: NamedParameter[] = [];
  const lines = model.layers.map((layer, index) => {
    if (layer instanceof nn.Linear) {
      parameters.push({ name: `${index}.weight`, tensor: layer.weight, layout: 'transpose' });
      if (layer.bias) parameters.push({ name: `${index}.bias`, tensor: layer.bias, layout: 'same' });
      return `nn.Linear(${layer.inFeatures}, ${layer.outFeatures}${layer.bias ? '' : ', bias=False'})`;
    }
    if (layer instanceof nn.Conv2d) {
      // The engine's convolution is NCHW with weight [out, in, k, k]: torch's layout already.
      parameters.push({ name: `${index}.weight`, tensor: layer.weight, layout: 'same' });
      if (layer.bias) parameters.push({ name: `${index}.bias`, tensor: layer.bias, layout: 'same' });
      return `nn.Conv2d(${layer.inChannels}, ${layer.outChannels}, ${layer.kernelSize}, stride=${layer.stride}, padding=${layer.padding}${layer.bias ? '' : ', bias=False'})`;
    }
    if (layer instanceof nn.MaxPool2d) return `nn.MaxPool2d(${layer.kernelSize}, stride=${layer.stride})`;
    if (layer instanceof nn.Flatten) return 'nn.Flatten()';
    if (layer instanceof nn.Dropout) return `nn.Dropout(${py(layer.p)})`;
    if (layer instanceof nn.ReLU) return 'nn.ReLU()';
    if (layer instanceof nn.Tanh) return 'nn.Tanh()';
    if (layer instanceof nn.Sigmoid) return 'nn.Sigmoid()';
    throw new Error(`no PyTorch counterpart for the layer ${layer.constructor.name}`);
  });
  return { parameters, modelCode: `model = nn.Sequential(\n${lines.map((line) => `    ${line},`).join('\n')}\n)` };
}
