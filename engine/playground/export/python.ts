import type { Tensor } from '@/engine';

// The one place that writes Python text for the PyTorch export: number and list literals, a
// knob dictionary, comment-safe lines, and the engine's tensors in torch's layout.

export type NestedNumbers = number | NestedNumbers[];
export type PythonValue = NestedNumbers | string | boolean | null | undefined | PythonValue[] | { [key: string]: PythonValue };

/** A number as a Python literal (shortest round-trip form, which Python reads back exactly). */
export function py(value: number): string {
  if (!Number.isFinite(value)) throw new Error('only finite numbers can be exported');
  return Object.is(value, -0) ? '-0.0' : String(value);
}

export function pyList(value: NestedNumbers): string {
  return Array.isArray(value) ? `[${value.map(pyList).join(', ')}]` : py(value);
}

/** A long list one row per line, so the file stays readable. */
export function pyRows(values: readonly NestedNumbers[], indent = '    '): string {
  return `[\n${values.map((row) => `${indent}${pyList(row)},`).join('\n')}\n]`;
}

/** Any JSON-like value (a run's knobs) as a Python literal: True/False/None, dicts, lists, strings. */
export function pyValue(value: PythonValue): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return py(value);
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  return `{${Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${pyValue(k)}: ${pyValue(v)}`)
    .join(', ')}}`;
}

/** Text that goes into a comment: one line, no control characters. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').slice(0, 200);
}

type Values = Pick<Tensor, 'data' | 'shape'>;

/** A tensor as nested lists in its own layout (row-major). */
export function nested(t: Values): NestedNumbers {
  const build = (offset: number, axis: number): NestedNumbers => {
    if (axis === t.shape.length) return t.data[offset];
    const stride = t.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: t.shape[axis] }, (_, i) => build(offset + i * stride, axis + 1));
  };
  return build(0, 0);
}

/** A 2-D engine weight [in, out] (x W) as torch's nn.Linear weight [out, in] (x Wᵀ). */
export function transposed(t: Values): NestedNumbers[] {
  const [rows, cols] = t.shape;
  return Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => t.data[r * cols + c]));
}

/**
 * One engine parameter under its name in the script (`model.named_parameters()`), and how it is
 * laid out there: 'same' (Conv2d, Embedding, LayerNorm, biases, the recurrent cells' own
 * row-vector weights) or 'transpose' (an nn.Linear weight).
 */
export interface NamedParameter {
  name: string;
  tensor: Tensor;
  layout: 'same' | 'transpose';
}

export function inTorchLayout(values: Values, layout: NamedParameter['layout']): NestedNumbers {
  return layout === 'transpose' ? transposed(values) : nested(values);
}
