import { rng } from '@/engine/rng';
import type { TMlpConfig } from '../config-schema';
import { splitIndices } from './split';

// Two-class data sets in the plane, as in the lecture's pictures (and TensorFlow Playground).
// The data depend only on (task, samples, noise, valSplit), never on the run's seed, so everyone
// who picks the same data settings trains and is validated on the same points.

export interface PlanePoints {
  x: number[][];
  y: number[];
}

export interface PlaneDataset {
  train: PlanePoints;
  val: PlanePoints;
  /** The square every picture of this task is drawn over: [xMin, xMax, yMin, yMax]. */
  extent: [number, number, number, number];
}

export const PLANE_EXTENT: [number, number, number, number] = [-1.5, 1.5, -1.5, 1.5];

export function generatePlaneDataset(config: Pick<TMlpConfig, 'task' | 'samples' | 'noise' | 'valSplit' | 'points'>): PlaneDataset {
  if (config.task === 'custom') return customDataset(config.points ?? [], config.valSplit);
  const task = config.task;
  const random = rng(`plane:${config.task}:${config.samples}:${config.noise}`);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < config.samples; i++) {
    const label = i % 2;
    const [px, py] = drawPoint(task, label, i, config.samples, random);
    x.push([px + random.normal(0, config.noise), py + random.normal(0, config.noise)]);
    y.push(label);
  }
  const split = splitIndices(config.samples, config.valSplit, random);
  const pick = (indices: number[]): PlanePoints => ({ x: indices.map((i) => x[i]), y: indices.map((i) => y[i]) });
  return { train: pick(split.train), val: pick(split.val), extent: PLANE_EXTENT };
}

function drawPoint(task: Exclude<TMlpConfig['task'], 'custom'>, label: number, i: number, n: number, random: ReturnType<typeof rng>): [number, number] {
  switch (task) {
    case 'xor': {
      // Quadrants: class 1 where x·y > 0; a margin keeps the clean classes apart.
      const sx = random.next() < 0.5 ? -1 : 1;
      const sy = label === 1 ? sx : -sx;
      return [sx * random.uniform(0.1, 1.1), sy * random.uniform(0.1, 1.1)];
    }
    case 'circle': {
      const radius = label === 1 ? random.uniform(0, 0.5) : random.uniform(0.75, 1.15);
      const angle = random.uniform(0, 2 * Math.PI);
      return [radius * Math.cos(angle), radius * Math.sin(angle)];
    }
    case 'spirals': {
      // Two interleaved arms of 1.5 turns; point k of n/2 on its arm.
      const k = Math.floor(i / 2);
      const t = (k + 0.5) / Math.ceil(n / 2);
      const radius = 0.1 + 1.1 * t;
      const angle = 3 * Math.PI * t + label * Math.PI;
      return [radius * Math.cos(angle), radius * Math.sin(angle)];
    }
    case 'blobs': {
      const centre = label === 1 ? 0.5 : -0.5;
      return [random.normal(centre, 0.3), random.normal(centre, 0.3)];
    }
  }
}

/** The student's own points, split into training and validation by a shuffle seeded by the points themselves. */
function customDataset(points: readonly (readonly [number, number, number])[], valSplit: number): PlaneDataset {
  const random = rng(`plane:custom:${points.map((point) => point.join(',')).join(';')}`);
  const split = splitIndices(points.length, valSplit, random);
  const pick = (indices: number[]): PlanePoints => ({ x: indices.map((i) => [points[i][0], points[i][1]]), y: indices.map((i) => points[i][2]) });
  return { train: pick(split.train), val: pick(split.val), extent: PLANE_EXTENT };
}
