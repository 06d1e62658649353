import type { TCnnConfig } from '../config-schema';

/** Side of the generated digit images, in pixels. */
export const DIGIT_SIZE = 12;

/**
 * Feature-map sides through the CNN: each block is a "same"-padded convolution then a 2×2 max
 * pool, so 12 → 6 after the first block and 6 → 3 after the optional second one.
 */
export function cnnShapes(config: Pick<TCnnConfig, 'filters' | 'filters2'>): { side1: number; side2: number; flat: number } {
  const side1 = DIGIT_SIZE / 2;
  const side2 = config.filters2 > 0 ? side1 / 2 : side1;
  const channels = config.filters2 > 0 ? config.filters2 : config.filters;
  return { side1, side2, flat: channels * side2 * side2 };
}
