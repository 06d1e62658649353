import { tensor, type Tensor } from '@/engine';

/** Stacks the chosen rows (each `width` numbers long) into one float64 tensor of the given shape. */
export function gatherRows(rows: readonly (readonly number[])[], indices: readonly number[], shape: number[], options: { requiresGrad?: boolean } = {}): Tensor {
  const width = rows[0]?.length ?? 0;
  const data = new Float64Array(indices.length * width);
  indices.forEach((index, k) => data.set(rows[index], k * width));
  return tensor({ data, shape }, { requiresGrad: options.requiresGrad });
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Index of the largest value in each row of a [rows, cols] tensor. */
export function argmaxRows(t: Tensor): number[] {
  const [rows, cols] = t.shape;
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < cols; c++) if (t.data[r * cols + c] > t.data[r * cols + best]) best = c;
    out.push(best);
  }
  return out;
}
