import { EngineError } from '../errors';
import { allocate, defineOp, resultDtype, Tensor } from '../tensor-core';
import { broadcastIndexMap, broadcastShapes, formatShape, shapeSize } from '../shape';
import { gemmNN, gemmNT, gemmTN } from './gemm';

/**
 * Matrix product with numpy semantics: the last two axes multiply, leading (batch) axes
 * broadcast; a 1-D left operand is a row vector and a 1-D right operand a column vector, and
 * that axis is dropped from the result.
 * Forward C = A·B; backward dA = dC·Bᵀ, dB = Aᵀ·dC (summed over broadcast batch axes).
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new EngineError('matmul', `operands must have at least one axis, got ${formatShape(a.shape)} @ ${formatShape(b.shape)} (use mul for scalars)`);
  }
  const aShape = a.ndim === 1 ? [1, a.shape[0]] : a.shape;
  const bShape = b.ndim === 1 ? [b.shape[0], 1] : b.shape;
  const m = aShape[aShape.length - 2];
  const k = aShape[aShape.length - 1];
  const n = bShape[bShape.length - 1];
  if (bShape[bShape.length - 2] !== k) {
    throw new EngineError('matmul', `inner dimensions differ: ${formatShape(a.shape)} @ ${formatShape(b.shape)}`);
  }
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  const batch = broadcastShapes('matmul', aBatch, bBatch);
  const batchCount = shapeSize(batch);
  const aIndex = broadcastIndexMap(aBatch, batch);
  const bIndex = broadcastIndexMap(bBatch, batch);
  const shape = [...batch];
  if (a.ndim > 1) shape.push(m);
  if (b.ndim > 1) shape.push(n);

  const dtype = resultDtype(a, b);
  const out = allocate(dtype, batchCount * m * n);
  for (let t = 0; t < batchCount; t++) {
    gemmNN(a.data, aIndex[t] * m * k, b.data, bIndex[t] * k * n, out, t * m * n, m, k, n);
  }
  return defineOp({
    name: 'matmul', inputs: [a, b], data: out, shape,
    backward: (g, needsGrad) => {
      let ga = null;
      let gb = null;
      if (needsGrad[0]) {
        ga = allocate(a.dtype, a.size);
        for (let t = 0; t < batchCount; t++) gemmNT(g, t * m * n, b.data, bIndex[t] * k * n, ga, aIndex[t] * m * k, m, n, k);
      }
      if (needsGrad[1]) {
        gb = allocate(b.dtype, b.size);
        for (let t = 0; t < batchCount; t++) gemmTN(a.data, aIndex[t] * m * k, g, t * m * n, gb, bIndex[t] * k * n, k, m, n);
      }
      return [ga, gb];
    },
  });
}
