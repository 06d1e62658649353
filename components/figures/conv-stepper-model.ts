import { conv2d, noGrad, tensor } from '@/engine';

export interface ConvSetup {
  image: number[][];
  kernel: number[][];
  stride: number;
  padding: number;
}

/** The lecture's example: a 5×5 binary image with a diagonal band and the X-shaped 3×3 filter. */
export const CONV_DEFAULTS: ConvSetup = {
  image: [
    [1, 1, 1, 0, 0],
    [0, 1, 1, 1, 0],
    [0, 0, 1, 1, 1],
    [0, 0, 1, 1, 0],
    [0, 1, 1, 0, 0],
  ],
  kernel: [
    [1, 0, 1],
    [0, 1, 0],
    [1, 0, 1],
  ],
  stride: 1,
  padding: 0,
};

/** The feature map, computed by the engine's conv2d (cross-correlation, as the lecture and libraries do). */
export function convolve({ image, kernel, stride, padding }: ConvSetup): number[][] {
  return noGrad(() => {
    const x = tensor([[image]]);
    const w = tensor([[kernel]]);
    const y = conv2d(x, w, undefined, { stride, padding });
    const [, , rows, columns] = y.shape;
    return Array.from({ length: rows }, (_, r) => Array.from(y.data.subarray(r * columns, (r + 1) * columns)));
  });
}

/** O = ⌊(N + 2P − K) / S⌋ + 1. */
export function outputSize(inputSize: number, kernelSize: number, stride: number, padding: number): number {
  return Math.floor((inputSize + 2 * padding - kernelSize) / stride) + 1;
}

export interface WindowTerm {
  /** Position in the padded image. */
  row: number;
  column: number;
  input: number;
  weight: number;
  isPadding: boolean;
}

/** The products that make output cell (row, column): each input under the filter times its weight. */
export function windowTerms({ image, kernel, stride, padding }: ConvSetup, row: number, column: number): WindowTerm[] {
  const terms: WindowTerm[] = [];
  for (let i = 0; i < kernel.length; i++) {
    for (let j = 0; j < kernel[i].length; j++) {
      const paddedRow = row * stride + i;
      const paddedColumn = column * stride + j;
      const r = paddedRow - padding;
      const c = paddedColumn - padding;
      const isPadding = r < 0 || c < 0 || r >= image.length || c >= image[0].length;
      terms.push({ row: paddedRow, column: paddedColumn, input: isPadding ? 0 : image[r][c], weight: kernel[i][j], isPadding });
    }
  }
  return terms;
}
