import type { Tensor } from '../index';

// Plain-array views of engine results, the form answers take.

export function scalarOf(t: Tensor): number {
  return t.item();
}

export function vectorOf(t: Tensor): number[] {
  return Array.from(t.data);
}

/** A [rows, cols] tensor (or [1, …, rows, cols]) as rows of numbers. */
export function matrixOf(t: Tensor): number[][] {
  const cols = t.shape[t.shape.length - 1];
  const rows = t.size / cols;
  return Array.from({ length: rows }, (_, r) => Array.from(t.data.subarray(r * cols, (r + 1) * cols)));
}
