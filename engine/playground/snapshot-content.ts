import { nn, noGrad, tensor } from '@/engine';
import type { TMlpConfig } from './config-schema';
import type { BoundarySnapshot, NetworkPicture, TrainingSnapshot, WeightStat } from './types';

// What a run keeps at each of its snapshots besides the model's own picture: a summary of every
// weight tensor, and for a small MLP the whole network as TensorFlow Playground draws it. Both are
// bounded, so a run's timeline (at most MAX_FRAMES pictures) stays a few hundred kilobytes.

/** Pictures a run keeps: about 30 across training plus the last. */
export const MAX_FRAMES = 32;
/** An MLP is drawn neuron by neuron when no layer is wider than this. */
export const NETWORK_MAX_UNITS = 16;
/** Side of each neuron's thumbnail. */
export const THUMB_RES = 12;

const round = (value: number, digits: number) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale + 0; // + 0: no −0 (JSON would store it as 0)
};

/** Mean, spread and range of every parameter tensor, in declaration order ("#1 2×16"). */
export function summarizeWeights(model: nn.Module): WeightStat[] {
  return model.parameters().map((p, i) => {
    const values = p.data;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = sum / values.length;
    let squares = 0;
    for (const v of values) squares += (v - mean) ** 2;
    return { name: `#${i + 1} ${p.shape.join('×')}`, size: values.length, mean: round(mean, 4), std: round(Math.sqrt(squares / values.length), 4), min: round(min, 4), max: round(max, 4) };
  });
}

/** Adds the weight summary to a picture. */
export function withWeightStats<S extends TrainingSnapshot>(snapshot: S, model: nn.Module): S {
  return { ...snapshot, weightStats: summarizeWeights(model) };
}

/** The MLP's weights, biases and each hidden neuron's activation over the plane; null when a layer is too wide to draw. */
export function networkPicture(model: nn.Sequential, config: TMlpConfig, extent: BoundarySnapshot['extent']): NetworkPicture | null {
  if (config.hidden.some((units) => units > NETWORK_MAX_UNITS)) return null;
  const linears = model.layers.filter((layer): layer is nn.Linear => layer instanceof nn.Linear);
  const [xMin, xMax, yMin, yMax] = extent;
  const points = new Float64Array(THUMB_RES * THUMB_RES * 2);
  for (let row = 0; row < THUMB_RES; row++) {
    for (let col = 0; col < THUMB_RES; col++) {
      const k = row * THUMB_RES + col;
      points[2 * k] = xMin + ((col + 0.5) / THUMB_RES) * (xMax - xMin);
      points[2 * k + 1] = yMax - ((row + 0.5) / THUMB_RES) * (yMax - yMin);
    }
  }
  // Walk the layers by hand: after each activation, one thumbnail per unit (eval mode, so dropout is the identity).
  const thumbs: number[][][] = [];
  noGrad(() => {
    let h = tensor({ data: points, shape: [THUMB_RES * THUMB_RES, 2] });
    for (const layer of model.layers) {
      h = layer.forward(h);
      const isActivation = layer instanceof nn.ReLU || layer instanceof nn.Tanh || layer instanceof nn.Sigmoid;
      if (isActivation) {
        const width = h.shape[1];
        thumbs.push(Array.from({ length: width }, (_, unit) => Array.from({ length: THUMB_RES * THUMB_RES }, (_, k) => round(h.data[k * width + unit], 2))));
      }
    }
  });
  return {
    activation: config.activation,
    sizes: [2, ...config.hidden, 1],
    weights: linears.map((linear) => {
      const [inputs, outputs] = linear.weight.shape;
      return Array.from({ length: inputs }, (_, i) => Array.from({ length: outputs }, (_, o) => round(linear.weight.data[i * outputs + o], 4)));
    }),
    biases: linears.map((linear) => Array.from(linear.bias?.data ?? [], (b) => round(b, 4))),
    thumbRes: THUMB_RES,
    thumbs,
  };
}

/** At most `max` pictures, evenly thinned, always keeping the last. */
export function boundFrames<S extends { epoch: number }>(frames: readonly S[], max = MAX_FRAMES): S[] {
  if (frames.length <= max) return [...frames];
  const step = (frames.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => frames[Math.round(i * step)]);
}
