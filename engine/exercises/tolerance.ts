import type { LocalizedText } from './text';

/** A cell is right when |answer − expected| ≤ max(absolute, relative · |expected|). */
export interface Tolerance {
  relative: number;
  absolute: number;
  doc: LocalizedText;
}

export const DEFAULT_TOLERANCE: Tolerance = {
  relative: 1e-3,
  absolute: 1e-4,
  doc: {
    ko: '상대오차 0.1% 또는 절대오차 0.0001 이내면 정답 (유효숫자 세 자리 이상으로 입력).',
    en: 'Correct within a relative error of 0.1% or an absolute error of 0.0001 (give three or more significant digits).',
  },
};

/** Shapes and counts are integers: only the exact value is right. */
export const EXACT_TOLERANCE: Tolerance = {
  relative: 0,
  absolute: 0,
  doc: { ko: '정수 답: 정확히 일치해야 정답.', en: 'Integer answers: only the exact value is correct.' },
};

/** Float64 round-off allowance, so an exact tolerance still accepts 3 for 2.9999999999999996. */
const ROUND_OFF = 1e-9;

export function allowedError(expected: number, tolerance: Tolerance): number {
  return Math.max(tolerance.absolute, tolerance.relative * Math.abs(expected), ROUND_OFF * Math.max(1, Math.abs(expected)));
}

export function isWithinTolerance(answer: number, expected: number, tolerance: Tolerance): boolean {
  return Math.abs(answer - expected) <= allowedError(expected, tolerance);
}

/**
 * Two values that no single answer can match both: their tolerance bands do not overlap.
 * Variants require this between the right answer and every named mistake.
 */
export function isDistinguishable(a: number, b: number, tolerance: Tolerance): boolean {
  return Math.abs(a - b) > allowedError(a, tolerance) + allowedError(b, tolerance);
}
