// Formatting of the numbers an exercise shows, as KaTeX. Given values are already rounded, so
// String() prints them exactly (0.3 → "0.3").

export function num(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** A matrix as `\begin{bmatrix} … \end{bmatrix}`. */
export function bmatrix(rows: readonly (readonly number[])[]): string {
  return `\\begin{bmatrix} ${rows.map((row) => row.map(num).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

/** A row vector, the engine's convention (x is [1, d]). */
export function rowVector(values: readonly number[]): string {
  return bmatrix([values]);
}
