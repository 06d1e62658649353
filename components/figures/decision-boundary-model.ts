import { noGrad, tensor, trainPerceptron, type Tensor } from '@/engine';

// Threshold units as in unit 1: inputs x1, x2 ∈ {0, 1}, outputs +1 / −1 (s = 0 counts as −1).

export type DatasetName = 'and' | 'or' | 'xor';

export const DATASET_POINTS: readonly (readonly [number, number])[] = [[0, 0], [0, 1], [1, 0], [1, 1]];

export const DATASET_LABELS: Record<DatasetName, readonly number[]> = {
  and: [-1, -1, -1, 1],
  or: [-1, 1, 1, 1],
  xor: [-1, 1, 1, -1],
};

/** One threshold unit: f(w1 x1 + w2 x2 + b). */
export interface PerceptronWeights {
  w1: number;
  w2: number;
  b: number;
}

/** Two hidden threshold units and an output unit, as in the lecture's XOR network. */
export interface MlpWeights {
  h1: PerceptronWeights;
  h2: PerceptronWeights;
  out: { v1: number; v2: number; c: number };
}

/** The lecture's AND solution (after training from (−1.5, 0, 1)). */
export const PERCEPTRON_DEFAULTS: PerceptronWeights = { w1: 1, w2: 1, b: -1.5 };

/** The lecture's XOR network: h1 = OR, h2 = AND, y = f(h1 − h2 − 1). */
export const MLP_DEFAULTS: MlpWeights = {
  h1: { w1: 1, w2: 1, b: -0.5 },
  h2: { w1: 1, w2: 1, b: -1.5 },
  out: { v1: 1, v2: -1, c: -1 },
};

/** The plotted square [−0.5, 1.5]², sampled at cell centres. */
export const PLOT_MIN = -0.5;
export const PLOT_MAX = 1.5;

export function gridPoints(cells: number): number[][] {
  const step = (PLOT_MAX - PLOT_MIN) / cells;
  const points: number[][] = [];
  for (let row = 0; row < cells; row++) {
    for (let column = 0; column < cells; column++) points.push([PLOT_MIN + (column + 0.5) * step, PLOT_MAX - (row + 0.5) * step]);
  }
  return points;
}

/** ±1 for each point [x1, x2], computed with the engine's matmul and step. */
export function classifyWithPerceptron(points: readonly (readonly number[])[], { w1, w2, b }: PerceptronWeights): number[] {
  return noGrad(() => Array.from(thresholdLayer(tensor(points.map((p) => [...p])), [[w1], [w2]], [b]).data));
}

export function classifyWithMlp(points: readonly (readonly number[])[], { h1, h2, out }: MlpWeights): number[] {
  return noGrad(() => {
    const hidden = thresholdLayer(tensor(points.map((p) => [...p])), [[h1.w1, h2.w1], [h1.w2, h2.w2]], [h1.b, h2.b]);
    return Array.from(thresholdLayer(hidden, [[out.v1], [out.v2]], [out.c]).data);
  });
}

function thresholdLayer(x: Tensor, weights: number[][], bias: number[]): Tensor {
  return x.matmul(tensor(weights)).add(tensor(bias)).step();
}

export interface PerceptronTraining {
  weights: PerceptronWeights;
  converged: boolean;
  epochs: number;
}

/** Rosenblatt's rule from the current weights, on the four points, with the engine's trainer. */
export function trainOnDataset(dataset: DatasetName, start: PerceptronWeights, epochs = 20): PerceptronTraining {
  const result = trainPerceptron(
    DATASET_POINTS.map((p) => [...p]),
    [...DATASET_LABELS[dataset]],
    { w0: [start.b, start.w1, start.w2], epochs },
  );
  const [b, w1, w2] = result.weights;
  return { weights: { w1, w2, b }, converged: result.converged, epochs: result.epochs };
}
