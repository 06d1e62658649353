import { nn, noGrad, rng } from '@/engine';
import type { TCnnConfig } from '../config-schema';
import { generateDigitDataset, type DigitDataset } from '../datasets/digits';
import type { CnnSnapshot } from '../types';
import { activationLayer } from './activation-layer';
import { cnnShapes, DIGIT_SIZE } from './cnn-shapes';
import { argmaxRows, gatherRows, range } from './gather-rows';
import { classifierLearner } from './classifier';
import type { Learner } from './learner';
import { storedParameters } from '../stored-parameters';

export interface DigitCnn {
  model: nn.Sequential;
  /** The first convolution and its activation: what the filter and feature-map pictures show. */
  firstConv: nn.Conv2d;
  firstActivation: nn.TensorModule;
}

/** [conv → act → pool] (× 1 or 2) → flatten → [dropout] → [dense → act → dropout] → 10 logits. */
export function buildDigitCnn(config: TCnnConfig): DigitCnn {
  const initRng = rng(`${config.seed}:init`);
  const dropoutRng = rng(`${config.seed}:dropout`);
  const padding = Math.floor(config.kernel / 2);
  const { flat } = cnnShapes(config);
  const firstConv = new nn.Conv2d(1, config.filters, config.kernel, { rng: initRng, padding });
  const firstActivation = activationLayer(config.activation);
  const layers: nn.TensorModule[] = [firstConv, firstActivation, new nn.MaxPool2d(2)];
  if (config.filters2 > 0) {
    layers.push(new nn.Conv2d(config.filters, config.filters2, config.kernel, { rng: initRng, padding }), activationLayer(config.activation), new nn.MaxPool2d(2));
  }
  layers.push(new nn.Flatten());
  if (config.dropout > 0) layers.push(new nn.Dropout(config.dropout, { rng: dropoutRng }));
  if (config.hidden > 0) {
    layers.push(new nn.Linear(flat, config.hidden, { rng: initRng, init: config.activation === 'relu' ? 'he' : 'xavier' }), activationLayer(config.activation));
    if (config.dropout > 0) layers.push(new nn.Dropout(config.dropout, { rng: dropoutRng }));
  }
  layers.push(new nn.Linear(config.hidden > 0 ? config.hidden : flat, 10, { rng: initRng }));
  return { model: new nn.Sequential(layers), firstConv, firstActivation };
}

export function createCnnLearner(config: TCnnConfig, data: DigitDataset = generateDigitDataset(config)): Learner {
  const { model, firstConv, firstActivation } = buildDigitCnn(config);
  const images = (set: DigitDataset['train'], indices: readonly number[]) => gatherRows(set.images, indices, [indices.length, 1, DIGIT_SIZE, DIGIT_SIZE]);

  const learner = classifierLearner({
    model,
    head: 'softmax',
    sizes: { train: data.train.labels.length, val: data.val.labels.length },
    forward: (split, indices) => model.forward(images(data[split], indices)),
    labels: (split, indices) => indices.map((i) => data[split].labels[i]),
    snapshot: (epoch): CnnSnapshot =>
      noGrad(() => {
        const input = images(data.val, [0]);
        const maps = firstActivation.forward(firstConv.forward(input));
        const predicted = argmaxRows(model.forward(input))[0];
        const k2 = config.kernel * config.kernel;
        const mapSize = DIGIT_SIZE * DIGIT_SIZE;
        const round = (v: number) => Math.round(v * 1000) / 1000;
        return {
          kind: 'cnn',
          epoch,
          kernel: config.kernel,
          filters: range(config.filters).map((f) => Array.from(firstConv.weight.data.slice(f * k2, (f + 1) * k2), round)),
          imageSide: DIGIT_SIZE,
          image: data.val.images[0].map(round),
          label: data.val.labels[0],
          predicted,
          mapSide: DIGIT_SIZE,
          featureMaps: range(config.filters).map((f) => Array.from(maps.data.slice(f * mapSize, (f + 1) * mapSize), round)),
        };
      }),
  });
  return {
    ...learner,
    withTrainedWeights: (snapshot) => (snapshot.kind === 'cnn' ? { ...snapshot, parameters: storedParameters(model) } : snapshot),
  };
}
