import { EngineError } from '../errors';
import { allocate, defineOp, resultDtype, Tensor } from '../tensor';
import { formatShape, sameShape } from '../shape';

/**
 * Losses, each fused into one op (forward value and its local gradient side by side) so they
 * are numerically stable and cheap. All return the mean over elements (or over the batch).
 * Pred and target shapes must match exactly: silently broadcasting [N, 1] against [N] is the
 * classic wrong-answer bug.
 */
function requireSameShape(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new EngineError(op, `prediction shape ${formatShape(a.shape)} and target shape ${formatShape(b.shape)} differ`);
  }
  if (a.size === 0) throw new EngineError(op, `empty input of shape ${formatShape(a.shape)}`);
}

/** mean((pred − target)²). */
export function mseLoss(pred: Tensor, target: Tensor): Tensor {
  requireSameShape('mseLoss', pred, target);
  const n = pred.size;
  const diff = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    diff[i] = pred.data[i] - target.data[i];
    total += diff[i] * diff[i];
  }
  const data = allocate(resultDtype(pred, target), 1);
  data[0] = total / n;
  return defineOp({
    name: 'mseLoss', inputs: [pred, target], data, shape: [],
    backward: (g) => {
      const gp = allocate(pred.dtype, n);
      const gt = allocate(target.dtype, n);
      const scale = (2 * g[0]) / n;
      for (let i = 0; i < n; i++) {
        gp[i] = scale * diff[i];
        gt[i] = -scale * diff[i];
      }
      return [gp, gt];
    },
  });
}

/**
 * Softmax cross-entropy from raw scores: logits [N, C], one class index per row;
 * mean over the batch of −log softmax(logits)[n, target[n]].
 * Backward: (softmax − onehot) / N.
 */
export function crossEntropy(logits: Tensor, targetIndices: readonly number[] | Int32Array): Tensor {
  if (logits.ndim !== 2) throw new EngineError('crossEntropy', `expects logits [N, C], got ${formatShape(logits.shape)}`);
  const [N, C] = logits.shape;
  if (targetIndices.length !== N) {
    throw new EngineError('crossEntropy', `${targetIndices.length} targets for logits of shape ${formatShape(logits.shape)}`);
  }
  if (N === 0) throw new EngineError('crossEntropy', `empty batch, logits ${formatShape(logits.shape)}`);
  for (let n = 0; n < N; n++) {
    const t = targetIndices[n];
    if (!Number.isInteger(t) || t < 0 || t >= C) {
      throw new EngineError('crossEntropy', `target ${t} at row ${n} is not a class index in [0, ${C}) for logits ${formatShape(logits.shape)}`);
    }
  }
  const x = logits.data;
  const probs = new Float64Array(N * C);
  let total = 0;
  for (let n = 0; n < N; n++) {
    const row = n * C;
    let m = -Infinity;
    for (let c = 0; c < C; c++) if (x[row + c] > m) m = x[row + c];
    let z = 0;
    for (let c = 0; c < C; c++) z += Math.exp(x[row + c] - m);
    for (let c = 0; c < C; c++) probs[row + c] = Math.exp(x[row + c] - m) / z;
    total -= x[row + targetIndices[n]] - m - Math.log(z);
  }
  const data = allocate(logits.dtype, 1);
  data[0] = total / N;
  return defineOp({
    name: 'crossEntropy', inputs: [logits], data, shape: [],
    backward: (g) => {
      const gx = allocate(logits.dtype, N * C);
      const scale = g[0] / N;
      for (let i = 0; i < N * C; i++) gx[i] = scale * probs[i];
      for (let n = 0; n < N; n++) gx[n * C + targetIndices[n]] -= scale;
      return [gx];
    },
  });
}

/** log clamped at −100, as PyTorch does, so p = 0 or 1 gives a large finite loss rather than Infinity. */
const clampedLog = (v: number): number => Math.max(Math.log(v), -100);

/**
 * −mean(t·log p + (1 − t)·log(1 − p)) for probabilities p (e.g. a sigmoid output).
 * Prefer `binaryCrossEntropyWithLogits` when you have the scores: it never saturates.
 */
export function binaryCrossEntropy(probs: Tensor, targets: Tensor): Tensor {
  requireSameShape('binaryCrossEntropy', probs, targets);
  const n = probs.size;
  const p = probs.data;
  const t = targets.data;
  for (let i = 0; i < n; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) {
      throw new EngineError('binaryCrossEntropy', `probability ${p[i]} at flat index ${i} of shape ${formatShape(probs.shape)} is outside [0, 1]`);
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) total -= t[i] * clampedLog(p[i]) + (1 - t[i]) * clampedLog(1 - p[i]);
  const data = allocate(resultDtype(probs, targets), 1);
  data[0] = total / n;
  return defineOp({
    name: 'binaryCrossEntropy', inputs: [probs, targets], data, shape: [],
    backward: (g) => {
      const gp = allocate(probs.dtype, n);
      const gt = allocate(targets.dtype, n);
      const scale = g[0] / n;
      for (let i = 0; i < n; i++) {
        // d/dp = (p − t) / (p(1 − p)); the floor keeps it finite at p ∈ {0, 1} (PyTorch uses 1e-12 too).
        gp[i] = (scale * (p[i] - t[i])) / Math.max(p[i] * (1 - p[i]), 1e-12);
        gt[i] = -scale * (clampedLog(p[i]) - clampedLog(1 - p[i]));
      }
      return [gp, gt];
    },
  });
}

/**
 * Binary cross-entropy on raw scores z: mean(max(z, 0) − z·t + log(1 + e^−|z|)), the stable
 * form of BCE(sigmoid(z), t). Backward: (sigmoid(z) − t) / n for z, −z / n for t.
 */
export function binaryCrossEntropyWithLogits(logits: Tensor, targets: Tensor): Tensor {
  requireSameShape('binaryCrossEntropyWithLogits', logits, targets);
  const n = logits.size;
  const z = logits.data;
  const t = targets.data;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.max(z[i], 0) - z[i] * t[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
  const data = allocate(resultDtype(logits, targets), 1);
  data[0] = total / n;
  return defineOp({
    name: 'binaryCrossEntropyWithLogits', inputs: [logits, targets], data, shape: [],
    backward: (g) => {
      const gz = allocate(logits.dtype, n);
      const gt = allocate(targets.dtype, n);
      const scale = g[0] / n;
      for (let i = 0; i < n; i++) {
        gz[i] = scale * (1 / (1 + Math.exp(-z[i])) - t[i]);
        gt[i] = -scale * z[i];
      }
      return [gz, gt];
    },
  });
}
