import { nn, noGrad, rng, tensor, type Tensor } from '@/engine';
import type { TMlpConfig } from '../config-schema';
import { generatePlaneDataset, type PlaneDataset } from '../datasets/plane';
import type { BoundarySnapshot } from '../types';
import { activationLayer, initFor } from './activation-layer';
import { classifierLearner } from './classifier';
import { gatherRows } from './gather-rows';
import { networkPicture } from '../snapshot-content';
import type { Learner } from './learner';

/** Resolution of the decision-boundary picture (res × res probabilities). */
export const BOUNDARY_RES = 40;

export function buildMlp(config: TMlpConfig): nn.Sequential {
  const initRng = rng(`${config.seed}:init`);
  const dropoutRng = rng(`${config.seed}:dropout`);
  const layers: nn.TensorModule[] = [];
  let width = 2;
  for (const units of config.hidden) {
    layers.push(new nn.Linear(width, units, { rng: initRng, init: initFor(config.activation) }));
    layers.push(activationLayer(config.activation));
    if (config.dropout > 0) layers.push(new nn.Dropout(config.dropout, { rng: dropoutRng }));
    width = units;
  }
  layers.push(new nn.Linear(width, 1, { rng: initRng }));
  return new nn.Sequential(layers);
}

/** A single logit per point; class 1 when it is positive (sigmoid > ½). */
export function createMlpLearner(config: TMlpConfig, data: PlaneDataset = generatePlaneDataset(config)): Learner {
  const model = buildMlp(config);
  return classifierLearner({
    model,
    head: 'sigmoid',
    sizes: { train: data.train.y.length, val: data.val.y.length },
    forward: (split, indices) => model.forward(gatherRows(data[split].x, indices, [indices.length, 2])),
    labels: (split, indices) => indices.map((i) => data[split].y[i]),
    snapshot: (epoch) => {
      const picture = boundarySnapshot(epoch, data.extent, (points) => noGrad(() => Array.from(model.forward(points).sigmoid().data)));
      const network = networkPicture(model, config, data.extent);
      return network ? { ...picture, network } : picture;
    },
  });
}

/** Evaluates `probabilities` on a grid over `extent`, row 0 at the top (yMax), 3 decimals. */
export function boundarySnapshot(
  epoch: number,
  extent: BoundarySnapshot['extent'],
  probabilities: (points: Tensor) => number[],
  res = BOUNDARY_RES,
): BoundarySnapshot {
  const [xMin, xMax, yMin, yMax] = extent;
  const data = new Float64Array(res * res * 2);
  for (let row = 0; row < res; row++) {
    for (let col = 0; col < res; col++) {
      const k = row * res + col;
      data[2 * k] = xMin + ((col + 0.5) / res) * (xMax - xMin);
      data[2 * k + 1] = yMax - ((row + 0.5) / res) * (yMax - yMin);
    }
  }
  const grid = probabilities(tensor({ data, shape: [res * res, 2] })).map((p) => Math.round(p * 1000) / 1000);
  return { kind: 'boundary', epoch, res, extent, grid };
}
