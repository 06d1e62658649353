import { EngineError } from './errors';
import { allocate, defaultDtype, Tensor, type DType, type FloatArray, type NestedArray } from './tensor';
import { formatShape, shapeSize, type Shape } from './shape';
import type { Rng } from './rng';

export interface TensorOptions {
  requiresGrad?: boolean;
  /** float64 by default (exact grading); float32 for training speed. */
  dtype?: DType;
}

export type TensorInput = NestedArray | { data: FloatArray | readonly number[]; shape: readonly number[] };

/**
 * Build a tensor from user data, copying it. Rejects ragged nested arrays, non-numbers,
 * NaN and ±Infinity, and a data length that does not match the shape.
 */
export function tensor(input: TensorInput, opts: TensorOptions = {}): Tensor {
  const dtype = opts.dtype ?? defaultDtype();
  if (dtype !== 'float64' && dtype !== 'float32') throw new EngineError('tensor', `unknown dtype '${String(dtype)}'`);
  let shape: number[];
  let values: ArrayLike<number>;
  if (typeof input === 'number') {
    shape = [];
    values = [input];
  } else if (Array.isArray(input)) {
    shape = inferShape(input);
    values = (input as unknown[]).flat(Infinity) as number[];
  } else {
    shape = [...input.shape];
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 0) throw new EngineError('tensor', `bad dimension ${d} in shape ${formatShape(shape)}`);
    }
    values = input.data;
    if (values.length !== shapeSize(shape)) {
      throw new EngineError('tensor', `data has ${values.length} values but shape ${formatShape(shape)} needs ${shapeSize(shape)}`);
    }
  }
  const data = allocate(dtype, values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new EngineError('tensor', `value ${String(v)} at flat index ${i} of shape ${formatShape(shape)} is not a finite number`);
    }
    data[i] = v;
  }
  return new Tensor(data, shape, opts.requiresGrad ?? false);
}

function inferShape(input: NestedArray[]): number[] {
  const shape: number[] = [];
  let level: unknown = input;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  checkRagged(input, shape, 0, []);
  return shape;
}

function checkRagged(node: unknown, shape: readonly number[], depth: number, path: number[]): void {
  // `path` is one shared stack of indices (pushed and popped), only read to build a message.
  const at = () => (path.length ? ` at index [${path.join('][')}]` : '');
  if (depth === shape.length) {
    if (Array.isArray(node)) throw new EngineError('tensor', `ragged nested array: expected a number${at()} for shape ${formatShape(shape)}, found an array`);
    return;
  }
  if (!Array.isArray(node) || node.length !== shape[depth]) {
    const found = Array.isArray(node) ? `length ${node.length}` : `${typeof node}`;
    throw new EngineError('tensor', `ragged nested array: expected length ${shape[depth]}${at()} (shape ${formatShape(shape)}), found ${found}`);
  }
  for (let i = 0; i < node.length; i++) {
    path.push(i);
    checkRagged(node[i], shape, depth + 1, path);
    path.pop();
  }
}

function checkShape(op: string, shape: Shape): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new EngineError(op, `bad dimension ${d} in shape ${formatShape(shape)}`);
  }
}

export function full(shape: Shape, value: number, opts: TensorOptions = {}): Tensor {
  checkShape('full', shape);
  if (!Number.isFinite(value)) throw new EngineError('full', `fill value ${value} is not finite`);
  return new Tensor(allocate(opts.dtype ?? defaultDtype(), shapeSize(shape)).fill(value), shape, opts.requiresGrad ?? false);
}

export const zeros = (shape: Shape, opts: TensorOptions = {}): Tensor => full(shape, 0, opts);
export const ones = (shape: Shape, opts: TensorOptions = {}): Tensor => full(shape, 1, opts);

/** Normal(mean, std) samples drawn from `random` in row-major order. */
export function randn(shape: Shape, random: Rng, opts: TensorOptions & { mean?: number; std?: number } = {}): Tensor {
  checkShape('randn', shape);
  const data = allocate(opts.dtype ?? defaultDtype(), shapeSize(shape));
  for (let i = 0; i < data.length; i++) data[i] = random.normal(opts.mean ?? 0, opts.std ?? 1);
  return new Tensor(data, shape, opts.requiresGrad ?? false);
}

/** Uniform samples in [low, high) (default [0, 1)). */
export function randu(shape: Shape, random: Rng, opts: TensorOptions & { low?: number; high?: number } = {}): Tensor {
  checkShape('randu', shape);
  const data = allocate(opts.dtype ?? defaultDtype(), shapeSize(shape));
  for (let i = 0; i < data.length; i++) data[i] = random.uniform(opts.low ?? 0, opts.high ?? 1);
  return new Tensor(data, shape, opts.requiresGrad ?? false);
}

/** [start, stop) by step, like numpy; `arange(n)` is 0..n−1. */
export function arange(start: number, stop?: number, step = 1, opts: TensorOptions = {}): Tensor {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  if (step === 0 || !Number.isFinite(step) || !Number.isFinite(from) || !Number.isFinite(to)) {
    throw new EngineError('arange', `bad range start=${from} stop=${to} step=${step}`);
  }
  const count = Math.max(0, Math.ceil((to - from) / step));
  const data = allocate(opts.dtype ?? defaultDtype(), count);
  for (let i = 0; i < count; i++) data[i] = from + i * step;
  return new Tensor(data, [count], opts.requiresGrad ?? false);
}
