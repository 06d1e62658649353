import { EngineError } from './errors';

/** Shapes are plain arrays of non-negative integers, row-major, last axis fastest. */
export type Shape = readonly number[];

export function shapeSize(shape: Shape): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i];
  }
  return strides;
}

/** numpy broadcasting: align from the right; each pair of dims must be equal or one of them 1. */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const ndim = Math.max(a.length, b.length);
  const out = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) {
    const da = a[a.length - ndim + i] ?? 1;
    const db = b[b.length - ndim + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new EngineError(op, `cannot broadcast shapes ${formatShape(a)} and ${formatShape(b)}`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * For every element of `to` (row-major), the flat index of the element of `from` that
 * broadcasting maps onto it. One integer map serves both directions: expanding (gather) and
 * summing a gradient back to the smaller shape (scatter-add), so the two can never disagree.
 */
export function broadcastIndexMap(from: Shape, to: Shape): Int32Array {
  const size = shapeSize(to);
  const map = new Int32Array(size);
  const ndim = to.length;
  const offset = ndim - from.length;
  const fromStrides = stridesOf(from);
  // Stride 0 along broadcast (size-1 or missing) axes.
  const strides = new Array<number>(ndim).fill(0);
  for (let i = 0; i < from.length; i++) strides[offset + i] = from[i] === 1 ? 0 : fromStrides[i];
  if (ndim === 0 || size === 0) return map;
  const counter = new Array<number>(ndim).fill(0);
  const last = ndim - 1;
  const lastDim = to[last];
  const lastStride = strides[last];
  let base = 0;
  for (let i = 0; i < size; ) {
    for (let j = 0; j < lastDim; j++) map[i++] = base + j * lastStride;
    // Advance the odometer over the outer axes.
    for (let ax = last - 1; ax >= 0; ax--) {
      counter[ax]++;
      base += strides[ax];
      if (counter[ax] < to[ax]) break;
      base -= counter[ax] * strides[ax];
      counter[ax] = 0;
    }
  }
  return map;
}

/**
 * How an operand of shape `from` lines up with the broadcast shape `to`:
 * - 'same': identical shapes;
 * - 'tile': `from` (ignoring leading 1s) is the trailing block of `to`, repeated (a bias row,
 *   a scalar): element i of `to` reads element i mod `period`; no index map needed;
 * - 'map': anything else, through `broadcastIndexMap`.
 */
export type BroadcastPlan = { kind: 'same' } | { kind: 'tile'; period: number } | { kind: 'map'; map: Int32Array };

export function broadcastPlan(from: Shape, to: Shape): BroadcastPlan {
  if (sameShape(from, to)) return { kind: 'same' };
  let lead = 0;
  while (lead < from.length && from[lead] === 1) lead++;
  const core = from.slice(lead);
  const offset = to.length - core.length;
  let isTrailingBlock = offset >= 0;
  for (let i = 0; isTrailingBlock && i < core.length; i++) isTrailingBlock = core[i] === to[offset + i];
  if (isTrailingBlock) return { kind: 'tile', period: shapeSize(core) };
  return { kind: 'map', map: broadcastIndexMap(from, to) };
}

export function normalizeAxis(op: string, axis: number, shape: Shape): number {
  const ndim = shape.length;
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new EngineError(op, `axis ${axis} is out of range for shape ${formatShape(shape)} (ndim ${ndim})`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Sorted, de-duplicated, non-negative axes; `undefined` means every axis. */
export function normalizeAxes(op: string, axis: number | readonly number[] | undefined, shape: Shape): number[] {
  if (axis === undefined) return shape.map((_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const axes = list.map((a) => normalizeAxis(op, a, shape));
  const unique = [...new Set(axes)].sort((x, y) => x - y);
  if (unique.length !== axes.length) {
    throw new EngineError(op, `repeated axis in [${list.join(', ')}] for shape ${formatShape(shape)}`);
  }
  return unique;
}

/** Split a shape around one axis into (outer, axis length, inner) for strided loops. */
export function splitAtAxis(shape: Shape, axis: number): { outer: number; length: number; inner: number } {
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i];
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i];
  return { outer, length: shape[axis], inner };
}
