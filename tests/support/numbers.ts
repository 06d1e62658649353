/**
 * Every number a payload shows: JSON numbers, and numbers written inside strings (prompts,
 * labels, hints). Digits glued to a name (`w_2`, `x^2`, `C1`) are part of a symbol.
 */
export function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value === 'string') return [...value.matchAll(/(?<![A-Za-z_^\d.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)].map(([text]) => Number(text));
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

/** Equal up to rounding in the last digits. */
export const isSameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
