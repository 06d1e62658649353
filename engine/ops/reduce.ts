import { EngineError } from '../errors';
import { allocate, defineOp, Tensor, type FloatArray } from '../tensor-core';
import { broadcastPlan, formatShape, normalizeAxes, normalizeAxis, splitAtAxis, type Shape } from '../shape';
import { gather, scatterAdd } from './elementwise';

/**
 * Reductions. Summing over axes is the adjoint of broadcasting: the same index map that
 * expands a [1, n] row to [m, n] sums an [m, n] gradient back to [1, n]. So `sum` is a
 * scatter-add forward and a gather backward, the mirror image of a broadcast binary op.
 */
function reducedShapes(shape: Shape, axes: readonly number[]): { kept: number[]; out: number[] } {
  const kept = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const out = shape.filter((_, i) => !axes.includes(i));
  return { kept, out };
}

export function sum(a: Tensor, axis: number | readonly number[] | undefined, keepdim: boolean): Tensor {
  return sumScaled('sum', a, axis, keepdim, false);
}

export function mean(a: Tensor, axis: number | readonly number[] | undefined, keepdim: boolean): Tensor {
  return sumScaled('mean', a, axis, keepdim, true);
}

function sumScaled(name: string, a: Tensor, axis: number | readonly number[] | undefined, keepdim: boolean, isMean: boolean): Tensor {
  const axes = normalizeAxes(name, axis, a.shape);
  const { kept, out: squeezed } = reducedShapes(a.shape, axes);
  const shape = keepdim ? kept : squeezed;
  let count = 1;
  for (const ax of axes) count *= a.shape[ax];
  if (isMean && count === 0) throw new EngineError(name, `mean over an empty axis of shape ${formatShape(a.shape)}`);
  const scale = isMean ? 1 / count : 1;

  if (axes.length === a.shape.length) {
    // Whole-tensor reduction: one accumulator, no index map.
    const x = a.data;
    let total = 0;
    for (let i = 0; i < x.length; i++) total += x[i];
    const data = allocate(a.dtype, 1);
    data[0] = total * scale;
    return defineOp({
      name, inputs: [a], data, shape,
      backward: (g) => [allocate(a.dtype, a.size).fill(g[0] * scale)],
    });
  }

  const plan = broadcastPlan(kept, a.shape);
  const summed = scatterAdd(a.data, plan, sizeOf(kept), a.dtype);
  const data = summed === a.data ? summed.slice() : summed; // reducing only length-1 axes: still a copy
  if (scale !== 1) for (let i = 0; i < data.length; i++) data[i] *= scale;
  return defineOp({
    name, inputs: [a], data, shape,
    backward: (g) => {
      const expanded = gather(g, plan, a.size, a.dtype);
      return [scale === 1 ? expanded : expanded.map((v) => v * scale)];
    },
  });
}

function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function max(a: Tensor, axis: number | undefined, keepdim: boolean): Tensor {
  if (a.size === 0) throw new EngineError('max', `max of an empty tensor of shape ${formatShape(a.shape)}`);
  const x = a.data;
  if (axis === undefined) {
    let best = 0;
    for (let i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
    const data = allocate(a.dtype, 1);
    data[0] = x[best];
    const shape = keepdim ? a.shape.map(() => 1) : [];
    return defineOp({
      name: 'max', inputs: [a], data, shape,
      backward: (g) => {
        const gx = allocate(a.dtype, a.size);
        gx[best] = g[0];
        return [gx];
      },
    });
  }
  const ax = normalizeAxis('max', axis, a.shape);
  const { outer, length, inner } = splitAtAxis(a.shape, ax);
  if (length === 0) throw new EngineError('max', `max over an empty axis ${axis} of shape ${formatShape(a.shape)}`);
  const data = allocate(a.dtype, outer * inner);
  const argmax = new Int32Array(outer * inner); // flat index into x of each winner
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      let best = o * length * inner + j;
      for (let r = 1; r < length; r++) {
        const idx = (o * length + r) * inner + j;
        if (x[idx] > x[best]) best = idx;
      }
      data[o * inner + j] = x[best];
      argmax[o * inner + j] = best;
    }
  }
  const shape = keepdim ? a.shape.map((d, i) => (i === ax ? 1 : d)) : a.shape.filter((_, i) => i !== ax);
  return defineOp({
    name: 'max', inputs: [a], data, shape,
    backward: (g) => {
      const gx = allocate(a.dtype, a.size);
      for (let i = 0; i < argmax.length; i++) gx[argmax[i]] += g[i];
      return [gx];
    },
  });
}

/**
 * Softmax along one axis, shifted by the max for stability.
 * Backward: dx = y ⊙ (g − Σ g⊙y), the Jacobian-vector product without building the Jacobian.
 */
export function softmax(a: Tensor, axis: number): Tensor {
  const ax = normalizeAxis('softmax', axis, a.shape);
  const { outer, length, inner } = splitAtAxis(a.shape, ax);
  const y = allocate(a.dtype, a.size);
  forEachLane(outer, length, inner, (base, stride) => softmaxLane(a.data, y, base, stride, length, false));
  return defineOp({
    name: 'softmax', inputs: [a], data: y, shape: a.shape,
    backward: (g) => {
      const gx = allocate(a.dtype, a.size);
      forEachLane(outer, length, inner, (base, stride) => {
        let dot = 0;
        for (let r = 0, i = base; r < length; r++, i += stride) dot += g[i] * y[i];
        for (let r = 0, i = base; r < length; r++, i += stride) gx[i] = y[i] * (g[i] - dot);
      });
      return [gx];
    },
  });
}

/** log-softmax: x − max − log Σ exp(x − max). Backward: dx = g − softmax ⊙ Σ g. */
export function logSoftmax(a: Tensor, axis: number): Tensor {
  const ax = normalizeAxis('logSoftmax', axis, a.shape);
  const { outer, length, inner } = splitAtAxis(a.shape, ax);
  const y = allocate(a.dtype, a.size);
  forEachLane(outer, length, inner, (base, stride) => softmaxLane(a.data, y, base, stride, length, true));
  return defineOp({
    name: 'logSoftmax', inputs: [a], data: y, shape: a.shape,
    backward: (g) => {
      const gx = allocate(a.dtype, a.size);
      forEachLane(outer, length, inner, (base, stride) => {
        let total = 0;
        for (let r = 0, i = base; r < length; r++, i += stride) total += g[i];
        for (let r = 0, i = base; r < length; r++, i += stride) gx[i] = g[i] - Math.exp(y[i]) * total;
      });
      return [gx];
    },
  });
}

/** Visit every 1-D lane along the reduced axis: start index and stride between its elements. */
function forEachLane(outer: number, length: number, inner: number, visit: (base: number, stride: number) => void): void {
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) visit(o * length * inner + j, inner);
  }
}

function softmaxLane(x: FloatArray, y: FloatArray, base: number, stride: number, length: number, isLog: boolean): void {
  let m = -Infinity;
  for (let r = 0, i = base; r < length; r++, i += stride) if (x[i] > m) m = x[i];
  let total = 0;
  for (let r = 0, i = base; r < length; r++, i += stride) total += Math.exp(x[i] - m);
  if (isLog) {
    const logTotal = Math.log(total);
    for (let r = 0, i = base; r < length; r++, i += stride) y[i] = x[i] - m - logTotal;
  } else {
    for (let r = 0, i = base; r < length; r++, i += stride) y[i] = Math.exp(x[i] - m) / total;
  }
}
