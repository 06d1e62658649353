import { rng, type Rng } from '@/engine';
import type { TCnnConfig } from '../config-schema';
import { DIGIT_SIZE } from '../models/cnn-shapes';
import { splitIndices } from './split';

// Small digit images drawn here, no download: each digit is a few pen strokes (polylines in the
// unit square, y down), rendered at 12 × 12 after a random scale, tilt, shift and pen width,
// then pixel noise. Like the plane data, the images depend only on (samples, noise, valSplit).

export type Point = [number, number];

function ellipse(cx: number, cy: number, rx: number, ry: number, steps = 16): Point[] {
  return Array.from({ length: steps + 1 }, (_, k) => {
    const angle = (2 * Math.PI * k) / steps;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)] as Point;
  });
}

const STROKES: Point[][][] = [
  [ellipse(0.5, 0.5, 0.26, 0.38)],
  [[[0.36, 0.26], [0.55, 0.1], [0.55, 0.9]]],
  [[[0.25, 0.3], [0.32, 0.15], [0.5, 0.1], [0.68, 0.15], [0.75, 0.3], [0.7, 0.45], [0.25, 0.9], [0.78, 0.9]]],
  [[[0.25, 0.14], [0.68, 0.12], [0.72, 0.3], [0.45, 0.48], [0.72, 0.62], [0.72, 0.82], [0.5, 0.9], [0.25, 0.85]]],
  [[[0.65, 0.9], [0.65, 0.1], [0.2, 0.65], [0.8, 0.65]]],
  [[[0.75, 0.1], [0.3, 0.1], [0.27, 0.45], [0.55, 0.42], [0.73, 0.55], [0.73, 0.78], [0.5, 0.9], [0.25, 0.85]]],
  [[[0.7, 0.12], [0.45, 0.2], [0.3, 0.45], [0.28, 0.7], [0.4, 0.88], [0.62, 0.88], [0.72, 0.7], [0.62, 0.52], [0.4, 0.52], [0.29, 0.62]]],
  [[[0.22, 0.12], [0.78, 0.12], [0.45, 0.9]]],
  [ellipse(0.5, 0.3, 0.19, 0.18), ellipse(0.5, 0.7, 0.23, 0.2)],
  [ellipse(0.5, 0.33, 0.21, 0.2), [[0.71, 0.33], [0.68, 0.65], [0.5, 0.9]]],
];

export interface DigitSet {
  /** Row-major images, DIGIT_SIZE² values in [0, 1] each. */
  images: number[][];
  labels: number[];
}

export interface DigitDataset {
  train: DigitSet;
  val: DigitSet;
}

export function generateDigitDataset(config: Pick<TCnnConfig, 'samples' | 'noise' | 'valSplit'>): DigitDataset {
  const random = rng(`digits:${config.samples}:${config.noise}`);
  const images: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < config.samples; i++) {
    const digit = i % 10;
    images.push(renderDigit(digit, random, config.noise));
    labels.push(digit);
  }
  const split = splitIndices(config.samples, config.valSplit, random);
  const pick = (indices: number[]): DigitSet => ({ images: indices.map((i) => images[i]), labels: indices.map((i) => labels[i]) });
  return { train: pick(split.train), val: pick(split.val) };
}

export function renderDigit(digit: number, random: Rng, noise: number): number[] {
  const scale = random.uniform(0.8, 1.05);
  const tilt = random.uniform(-0.2, 0.2);
  const shiftX = random.uniform(-0.08, 0.08);
  const shiftY = random.uniform(-0.08, 0.08);
  const halfWidth = random.uniform(0.035, 0.06);
  const cos = Math.cos(tilt);
  const sin = Math.sin(tilt);
  const place = ([x, y]: Point): Point => {
    const u = (x - 0.5) * scale;
    const v = (y - 0.5) * scale;
    return [0.5 + shiftX + u * cos - v * sin, 0.5 + shiftY + u * sin + v * cos];
  };
  const ink = renderStrokes(STROKES[digit].map((stroke) => stroke.map(place)), halfWidth);
  return noise > 0 ? ink.map((value) => clamp01(value + random.normal(0, noise))) : ink;
}

/**
 * Pen strokes (polylines in the unit square, y down) as a DIGIT_SIZE² image in [0, 1], row by
 * row: full ink within `halfWidth` of a stroke, fading to white over about two thirds of a pixel.
 * The one renderer of the generated digits and of a digit a student draws (draw-digit.ts).
 */
export function renderStrokes(strokes: readonly (readonly Point[])[], halfWidth: number): number[] {
  const segments: [Point, Point][] = [];
  for (const stroke of strokes) {
    // A single tap is a dot: a segment of length 0.
    if (stroke.length === 1) segments.push([stroke[0], stroke[0]]);
    for (let k = 1; k < stroke.length; k++) segments.push([stroke[k - 1], stroke[k]]);
  }
  const pixel = 1 / DIGIT_SIZE;
  const image = new Array<number>(DIGIT_SIZE * DIGIT_SIZE);
  for (let row = 0; row < DIGIT_SIZE; row++) {
    for (let col = 0; col < DIGIT_SIZE; col++) {
      const p: Point = [(col + 0.5) * pixel, (row + 0.5) * pixel];
      let distance = Infinity;
      for (const [a, b] of segments) distance = Math.min(distance, segmentDistance(p, a, b));
      image[row * DIGIT_SIZE + col] = clamp01(1 - (distance - halfWidth) / (0.7 * pixel));
    }
  }
  return image;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : clamp01(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared);
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
