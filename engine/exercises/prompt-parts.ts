import type { AnswerSpec, FieldSpec } from './answer-spec';
import type { LocalizedText } from './text';

// Phrases several prompts share, so the wording of the answer format stays the same everywhere.

export const SIGNIFICANT_DIGITS: LocalizedText = {
  ko: '모든 값은 유효숫자 세 자리 이상으로 입력하세요 (분수·지수 표기도 가능).',
  en: 'Give every value to three or more significant digits (fractions and scientific notation are fine).',
};

export const INTEGER_ANSWERS: LocalizedText = {
  ko: '답은 모두 정수입니다.',
  en: 'All answers are integers.',
};

/** A labelled field of a `fields` answer. */
export function field(spec: AnswerSpec, ko: string, en: string): FieldSpec {
  return { ...spec, label: { ko, en } };
}

export const scalar: AnswerSpec = { kind: 'scalar' };
export const shape: AnswerSpec = { kind: 'shape' };

export function vector(length: number): AnswerSpec {
  return { kind: 'vector', length };
}

export function matrix(rows: number, cols: number): AnswerSpec {
  return { kind: 'matrix', rows, cols };
}

/** Joins prompt paragraphs in both languages. */
export function paragraphs(...parts: LocalizedText[]): LocalizedText {
  return { ko: parts.map((p) => p.ko).join('\n\n'), en: parts.map((p) => p.en).join('\n\n') };
}
