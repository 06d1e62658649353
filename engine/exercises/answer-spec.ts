import type { LocalizedText } from './text';

/**
 * What shape of answer an exercise expects. It is sent to the browser to draw the input grid,
 * so it must never carry an expected value.
 */
export type AnswerSpec =
  | { kind: 'scalar' }
  | { kind: 'vector'; length: number }
  | { kind: 'matrix'; rows: number; cols: number }
  | { kind: 'tensor'; shape: number[] }
  | { kind: 'choice'; options: ChoiceOption[] }
  | { kind: 'shape' }
  | { kind: 'fields'; fields: Record<string, FieldSpec> };

/** A field of a `fields` answer; the label names it in the UI. */
export type FieldSpec = AnswerSpec & { label?: LocalizedText };

export interface ChoiceOption {
  id: string;
  label: LocalizedText;
}

/** Nested numbers: vectors, matrices, tensors and shapes once parsed. */
export type NumberTree = number | NumberTree[];

/**
 * A parsed, normalised answer (and the form expected answers take): numbers for scalars,
 * nested number arrays for vectors/matrices/tensors/shapes, the option id for a choice, and a
 * record for fields.
 */
export type AnswerValue = NumberTree | string | AnswerFields;
export interface AnswerFields {
  [field: string]: AnswerValue;
}

/** Per-cell correctness, mirroring the answer: booleans only, never expected values. */
export type Parts = boolean | Parts[] | { [field: string]: Parts };

/** "a 2×3 matrix (2 rows of 3 numbers)" — used in invalid-answer messages. */
export function describeSpec(spec: AnswerSpec): LocalizedText {
  switch (spec.kind) {
    case 'scalar':
      return { ko: '숫자 하나', en: 'a single number' };
    case 'vector':
      return { ko: `숫자 ${spec.length}개짜리 벡터`, en: `a vector of ${spec.length} numbers` };
    case 'matrix':
      return {
        ko: `${spec.rows}×${spec.cols} 행렬 (${spec.cols}개 숫자로 된 행 ${spec.rows}개)`,
        en: `a ${spec.rows}×${spec.cols} matrix (${spec.rows} rows of ${spec.cols} numbers)`,
      };
    case 'tensor':
      return { ko: `모양이 ${spec.shape.join('×')}인 텐서`, en: `a tensor of shape ${spec.shape.join('×')}` };
    case 'choice':
      return {
        ko: `보기 중 하나 (${spec.options.map((o) => o.id).join(', ')})`,
        en: `one of the options (${spec.options.map((o) => o.id).join(', ')})`,
      };
    case 'shape':
      return { ko: '양의 정수로 된 모양, 예: [6, 28, 28]', en: 'a shape of positive integers, e.g. [6, 28, 28]' };
    case 'fields': {
      const names = Object.keys(spec.fields).join(', ');
      return { ko: `항목 ${names}(으)로 이루어진 답`, en: `an answer with the fields ${names}` };
    }
  }
}
