import { rng } from '@/engine/rng';
import type { TClassicConfig } from '../config-schema';

// The lecture's logic gates on the corners of the unit square, labels ±1 (the perceptron's
// convention). With noise, the model trains on jittered copies and is still judged on the corners.

export const CORNERS: number[][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

const LABELS: Record<TClassicConfig['task'], number[]> = {
  and: [-1, -1, -1, 1],
  or: [-1, 1, 1, 1],
  xor: [-1, 1, 1, -1],
};

export const CLASSIC_EXTENT: [number, number, number, number] = [-0.5, 1.5, -0.5, 1.5];
const COPIES_PER_CORNER = 20;

export interface ClassicDataset {
  train: { x: number[][]; y: number[] };
  val: { x: number[][]; y: number[] };
}

export function generateClassicDataset(config: Pick<TClassicConfig, 'task' | 'noise'>): ClassicDataset {
  const labels = LABELS[config.task];
  const val = { x: CORNERS.map((c) => [...c]), y: [...labels] };
  if (config.noise === 0) return { train: val, val };
  const random = rng(`classic:${config.task}:${config.noise}`);
  const x: number[][] = [];
  const y: number[] = [];
  for (let copy = 0; copy < COPIES_PER_CORNER; copy++) {
    CORNERS.forEach((corner, k) => {
      x.push([corner[0] + random.normal(0, config.noise), corner[1] + random.normal(0, config.noise)]);
      y.push(labels[k]);
    });
  }
  return { train: { x, y }, val };
}
