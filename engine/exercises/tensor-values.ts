import type { Tensor } from '../index';

// Plain-array views of engine results, the form answers take.

export function vectorOf(t: Tensor): number[] {
  return Array.from(t.data);
}

/** A [rows, cols] tensor (or [1, …, rows, cols]) as rows of numbers. Plain loops: graders call this a lot. */
export function matrixOf(t: Tensor): number[][] {
  const cols = t.shape[t.shape.length - 1];
  const rows: number[][] = [];
  for (let offset = 0; offset < t.size; offset += cols) {
    const row = new Array<number>(cols);
    for (let c = 0; c < cols; c++) row[c] = t.data[offset + c];
    rows.push(row);
  }
  return rows;
}
