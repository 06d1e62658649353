import { EngineError } from '../errors';
import { allocate, defineOp, resultDtype, Tensor, type FloatArray, type SliceRange } from '../tensor-core';
import { formatShape, normalizeAxis, shapeSize, splitAtAxis, stridesOf, type Shape } from '../shape';

/**
 * Ops that move values without changing them. Every one copies (no views), so no op ever
 * aliases another tensor's data; each backward moves the gradient back the same way.
 */

export function reshape(a: Tensor, requested: readonly number[]): Tensor {
  const shape = [...requested];
  const inferred = shape.indexOf(-1);
  if (shape.lastIndexOf(-1) !== inferred) {
    throw new EngineError('reshape', `only one -1 is allowed, got ${formatShape(requested)} for shape ${formatShape(a.shape)}`);
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < -1) throw new EngineError('reshape', `bad dimension ${d} in ${formatShape(requested)}`);
  }
  if (inferred >= 0) {
    const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
    if (known === 0 || a.size % known !== 0) {
      throw new EngineError('reshape', `cannot reshape ${formatShape(a.shape)} (${a.size} values) into ${formatShape(requested)}`);
    }
    shape[inferred] = a.size / known;
  }
  if (shapeSize(shape) !== a.size) {
    throw new EngineError('reshape', `cannot reshape ${formatShape(a.shape)} (${a.size} values) into ${formatShape(requested)}`);
  }
  // Same row-major order: forward and backward are plain copies.
  return defineOp({ name: 'reshape', inputs: [a], data: a.data.slice(), shape, backward: (g) => [g] });
}

/** Permute axes. No dims reverses them (numpy's `transpose()`); otherwise a full permutation. */
export function transpose(a: Tensor, dims: readonly number[]): Tensor {
  const ndim = a.ndim;
  const perm = dims.length === 0 ? a.shape.map((_, i) => ndim - 1 - i) : dims.map((d) => normalizeAxis('transpose', d, a.shape));
  if (perm.length !== ndim || new Set(perm).size !== ndim) {
    throw new EngineError('transpose', `[${dims.join(', ')}] is not a permutation of the axes of shape ${formatShape(a.shape)} (to swap two axes use swapAxes)`);
  }
  const inverse = new Array<number>(ndim);
  perm.forEach((p, i) => (inverse[p] = i));
  const shape = perm.map((p) => a.shape[p]);
  return defineOp({
    name: 'transpose', inputs: [a], data: permute(a.data, a.shape, perm), shape,
    backward: (g) => [permute(g, shape, inverse)],
  });
}

export function swapAxes(a: Tensor, axis1: number, axis2: number): Tensor {
  const i = normalizeAxis('swapAxes', axis1, a.shape);
  const j = normalizeAxis('swapAxes', axis2, a.shape);
  const perm = a.shape.map((_, k) => (k === i ? j : k === j ? i : k));
  return transpose(a, perm);
}

/** out[..] = x[perm-indexed ..]: walk the output in order, the input with permuted strides. */
export function permute(x: FloatArray, shape: Shape, perm: readonly number[]): FloatArray {
  const ndim = shape.length;
  const out = allocate(x instanceof Float32Array ? 'float32' : 'float64', x.length);
  if (x.length === 0) return out;
  const inStrides = stridesOf(shape);
  const outShape = perm.map((p) => shape[p]);
  const strides = perm.map((p) => inStrides[p]);
  if (ndim === 0) {
    out[0] = x[0];
    return out;
  }
  const counter = new Array<number>(ndim).fill(0);
  const last = ndim - 1;
  const lastDim = outShape[last];
  const lastStride = strides[last];
  let base = 0;
  for (let i = 0; i < out.length; ) {
    for (let j = 0, src = base; j < lastDim; j++, src += lastStride) out[i++] = x[src];
    for (let ax = last - 1; ax >= 0; ax--) {
      counter[ax]++;
      base += strides[ax];
      if (counter[ax] < outShape[ax]) break;
      base -= counter[ax] * strides[ax];
      counter[ax] = 0;
    }
  }
  return out;
}

function resolveRange(op: string, range: SliceRange, dim: number, axis: number, shape: Shape): [number, number] {
  if (range === null) return [0, dim];
  const [rawStart, rawEnd] = range;
  const start = rawStart < 0 ? rawStart + dim : rawStart;
  const end = rawEnd === undefined ? dim : rawEnd < 0 ? rawEnd + dim : rawEnd;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > dim || start > end) {
    throw new EngineError(op, `range [${rawStart}, ${rawEnd ?? ''}) is out of bounds for axis ${axis} of shape ${formatShape(shape)}`);
  }
  return [start, end];
}

/** See `Tensor.slice`: one `[start, end)` or null per leading axis. */
export function slice(a: Tensor, ranges: readonly SliceRange[]): Tensor {
  if (ranges.length > a.ndim) {
    throw new EngineError('slice', `${ranges.length} ranges for shape ${formatShape(a.shape)} with ${a.ndim} axes`);
  }
  const bounds = a.shape.map((d, axis) => resolveRange('slice', ranges[axis] ?? null, d, axis, a.shape));
  const shape = bounds.map(([s, e]) => e - s);
  const size = shapeSize(shape);
  const ndim = a.ndim;
  // Source index of every output element: contiguous runs along the last axis.
  const strides = stridesOf(a.shape);
  const index = new Int32Array(size);
  if (size > 0) {
    const counter = new Array<number>(ndim).fill(0);
    let base = 0;
    for (let ax = 0; ax < ndim; ax++) base += bounds[ax][0] * strides[ax];
    const last = ndim - 1;
    const run = ndim === 0 ? 1 : shape[last];
    for (let i = 0; i < size; ) {
      for (let j = 0; j < run; j++) index[i++] = base + j;
      let ax = last - 1;
      for (; ax >= 0; ax--) {
        counter[ax]++;
        base += strides[ax];
        if (counter[ax] < shape[ax]) break;
        base -= counter[ax] * strides[ax];
        counter[ax] = 0;
      }
    }
  }
  const out = allocate(a.dtype, size);
  for (let i = 0; i < size; i++) out[i] = a.data[index[i]];
  return defineOp({
    name: 'slice', inputs: [a], data: out, shape,
    backward: (g) => {
      const gx = allocate(a.dtype, a.size);
      for (let i = 0; i < size; i++) gx[index[i]] = g[i];
      return [gx];
    },
  });
}

export function sliceAxis(a: Tensor, axis: number, start: number, end?: number): Tensor {
  const ax = normalizeAxis('slice', axis, a.shape);
  const ranges: SliceRange[] = a.shape.map(() => null);
  ranges[ax] = [start, end];
  return slice(a, ranges);
}

/** Join tensors along an existing axis; all other axes must match. */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new EngineError('concat', 'needs at least one tensor');
  const first = tensors[0];
  const ax = normalizeAxis('concat', axis, first.shape);
  for (const t of tensors) {
    const isCompatible = t.ndim === first.ndim && t.shape.every((d, i) => i === ax || d === first.shape[i]);
    if (!isCompatible) {
      throw new EngineError('concat', `shapes ${tensors.map((x) => formatShape(x.shape)).join(', ')} differ outside axis ${axis}`);
    }
  }
  const { outer, inner } = splitAtAxis(first.shape, ax);
  const lengths = tensors.map((t) => t.shape[ax]);
  const total = lengths.reduce((p, d) => p + d, 0);
  const shape = first.shape.map((d, i) => (i === ax ? total : d));
  const dtype = resultDtype(...tensors);
  const out = allocate(dtype, outer * total * inner);
  let offset = 0; // running position along the axis
  for (let t = 0; t < tensors.length; t++) {
    const block = lengths[t] * inner;
    const x = tensors[t].data;
    for (let o = 0; o < outer; o++) {
      const dst = (o * total + offset) * inner;
      for (let j = 0; j < block; j++) out[dst + j] = x[o * block + j];
    }
    offset += lengths[t];
  }
  return defineOp({
    name: 'concat', inputs: tensors, data: out, shape,
    backward: (g, needsGrad) => {
      let start = 0;
      return tensors.map((t, idx) => {
        const begin = start;
        start += lengths[idx];
        if (!needsGrad[idx]) return null;
        const block = lengths[idx] * inner;
        const gx = allocate(t.dtype, t.size);
        for (let o = 0; o < outer; o++) {
          const src = (o * total + begin) * inner;
          for (let j = 0; j < block; j++) gx[o * block + j] = g[src + j];
        }
        return gx;
      });
    },
  });
}

/** Join equal-shaped tensors along a new axis (axis may be −1 for "last", counted on the result). */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new EngineError('stack', 'needs at least one tensor');
  const first = tensors[0];
  for (const t of tensors) {
    if (t.ndim !== first.ndim || t.shape.some((d, i) => d !== first.shape[i])) {
      throw new EngineError('stack', `all tensors must have the same shape, got ${tensors.map((x) => formatShape(x.shape)).join(', ')}`);
    }
  }
  const resultShape = [...first.shape, 1];
  const ax = normalizeAxis('stack', axis, resultShape);
  const expanded = first.shape.slice(0, ax).concat([1], first.shape.slice(ax));
  return concat(tensors.map((t) => reshape(t, expanded)), ax);
}

/** Insert a length-1 axis at `axis` (counted on the result). */
export function unsqueeze(a: Tensor, axis: number): Tensor {
  const ax = normalizeAxis('unsqueeze', axis, [...a.shape, 1]);
  return reshape(a, [...a.shape.slice(0, ax), 1, ...a.shape.slice(ax)]);
}

/** Drop length-1 axes: the given one, or all of them. */
export function squeeze(a: Tensor, axis?: number): Tensor {
  if (axis === undefined) return reshape(a, a.shape.filter((d) => d !== 1));
  const ax = normalizeAxis('squeeze', axis, a.shape);
  if (a.shape[ax] !== 1) throw new EngineError('squeeze', `axis ${axis} has length ${a.shape[ax]}, not 1, in shape ${formatShape(a.shape)}`);
  return reshape(a, a.shape.filter((_, i) => i !== ax));
}
