import type { AnswerSpec, AnswerValue, NumberTree } from '../../engine/exercises/index';

/** The expected answer with its first cell moved far out of tolerance (or another option picked). */
export function wrongAnswer(spec: AnswerSpec, value: AnswerValue): AnswerValue {
  if (spec.kind === 'choice') return spec.options.find((option) => option.id !== value)?.id ?? value;
  if (spec.kind === 'fields') {
    const [first] = Object.keys(spec.fields);
    const fields = typeof value === 'object' && !Array.isArray(value) ? value : {};
    return { ...fields, [first]: wrongAnswer(spec.fields[first], fields[first]) };
  }
  return typeof value === 'number' || Array.isArray(value) ? moveFirstNumber(value) : value;
}

function moveFirstNumber(value: NumberTree): NumberTree {
  if (typeof value === 'number') return value + 1 + Math.abs(value);
  return [moveFirstNumber(value[0]), ...value.slice(1)];
}
