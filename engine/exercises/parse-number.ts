/** Longest number string we read; anything longer is not a number a student typed. */
export const MAX_NUMBER_STRING_LENGTH = 64;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number the way a student writes it: `0.25`, `-.5`, `3/4`, `-1/2`, `1e-3`, `2.5E2`,
 * with surrounding spaces. The typographic minus (U+2212) counts as a minus sign because it is
 * what KaTeX renders and students copy. Returns null for anything else, including NaN,
 * infinities and a zero denominator.
 */
export function parseNumber(input: number | string): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (input.length > MAX_NUMBER_STRING_LENGTH) return null;
  const text = input.trim().replace(/\u2212/g, '-');
  const slash = text.indexOf('/');
  if (slash === -1) return parseDecimal(text);
  const numerator = parseDecimal(text.slice(0, slash).trim());
  const denominator = parseDecimal(text.slice(slash + 1).trim());
  if (numerator === null || denominator === null || denominator === 0) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
