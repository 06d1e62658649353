// Scaled dot-product and multi-head attention (Vaswani et al., 2017), built from the tensor
// core's batched matmul, so every leading axis ([batch], [batch, heads], …) is a batch axis.
import type { Tensor } from '../tensor';
import { tensor } from '../creation';
import { EngineError } from '../errors';

export interface AttentionOptions {
  /**
   * Broadcastable to the scores [..., seqQ, seqK]: 1 = the query may attend to that key, 0 = it
   * may not. A query row with no allowed key at all gets zero weights (and a zero output).
   */
  mask?: Tensor;
}

export interface AttentionResult {
  output: Tensor;
  weights: Tensor;
}

/** Added to a masked score: large enough that exp underflows to exactly 0, finite so no NaN appears. */
const MASKED_SCORE = -1e9;

/**
 * weights = softmax(q kᵀ / √d_k) over the keys, output = weights v.
 * q [..., seqQ, d_k], k [..., seqK, d_k], v [..., seqK, d_v].
 */
export function scaledDotProductAttention(q: Tensor, k: Tensor, v: Tensor, options: AttentionOptions = {}): AttentionResult {
  const dk = q.shape[q.shape.length - 1];
  let scores = q.matmul(k.swapAxes(-1, -2)).mul(1 / Math.sqrt(dk));
  let weights: Tensor;
  if (options.mask) {
    // A constant in the scores' dtype, so a float64 mask does not turn float32 attention into float64.
    const allowed = options.mask.detach().to(scores.dtype);
    scores = scores.add(allowed.sub(1).mul(-MASKED_SCORE));
    // The penalty alone already gives exactly 0 where a row has at least one allowed key; the
    // product also zeroes rows where every key is masked (softmax would spread them uniformly).
    weights = scores.softmax(-1).mul(allowed);
  } else {
    weights = scores.softmax(-1);
  }
  return { output: weights.matmul(v), weights };
}

/** [n, n] lower-triangular ones: position i may attend to positions 0…i (a decoder's mask). */
export function causalMask(n: number): Tensor {
  const data: number[][] = [];
  for (let i = 0; i < n; i++) data.push(Array.from({ length: n }, (_, j) => (j <= i ? 1 : 0)));
  return tensor(data);
}

export interface MultiHeadAttentionParams {
  /** Projections [d_model, d_model], applied from the right (x Wq). */
  Wq: Tensor;
  Wk: Tensor;
  Wv: Tensor;
  Wo: Tensor;
  bq?: Tensor;
  bk?: Tensor;
  bv?: Tensor;
  bo?: Tensor;
}

export interface MultiHeadAttentionOptions {
  heads: number;
  /** Broadcastable to [batch, heads, seqQ, seqK] (e.g. a [seqQ, seqK] causal mask). */
  mask?: Tensor;
}

/**
 * Multi-head attention: project, split d_model into `heads` blocks of d_model / heads, attend in
 * every head at once (heads become a batch axis), concatenate, project with Wo.
 * xq [batch, seqQ, d_model], xkv [batch, seqK, d_model] (or 2-D [seq, d_model] for one sequence).
 * Returns output [batch, seqQ, d_model] and weights [batch, heads, seqQ, seqK]
 * (without the batch axis for 2-D inputs).
 */
export function multiHeadAttention(
  xq: Tensor,
  xkv: Tensor,
  params: MultiHeadAttentionParams,
  { heads, mask }: MultiHeadAttentionOptions,
): AttentionResult {
  const isUnbatched = xq.shape.length === 2;
  if (isUnbatched !== (xkv.shape.length === 2)) throw new EngineError('multiHeadAttention', 'xq and xkv must both be 2-D or both be 3-D');
  const q3 = isUnbatched ? xq.reshape([1, ...xq.shape]) : xq;
  const kv3 = isUnbatched ? xkv.reshape([1, ...xkv.shape]) : xkv;
  const [batch, seqQ, dModel] = q3.shape;
  if (dModel % heads !== 0) throw new EngineError('multiHeadAttention', `d_model ${dModel} is not divisible by ${heads} heads`);

  const q = splitHeads(project(q3, params.Wq, params.bq), heads);
  const k = splitHeads(project(kv3, params.Wk, params.bk), heads);
  const v = splitHeads(project(kv3, params.Wv, params.bv), heads);
  const attended = scaledDotProductAttention(q, k, v, { mask });
  const merged = attended.output.transpose(0, 2, 1, 3).reshape([batch, seqQ, dModel]);
  const output = project(merged, params.Wo, params.bo);

  if (!isUnbatched) return { output, weights: attended.weights };
  return {
    output: output.reshape([seqQ, dModel]),
    weights: attended.weights.reshape(attended.weights.shape.slice(1)),
  };
}

/** x W + b; matmul broadcasts W over the batch axis. */
function project(x: Tensor, W: Tensor, b: Tensor | undefined): Tensor {
  const y = x.matmul(W);
  return b ? y.add(b) : y;
}

/** [batch, seq, heads·d_head] → [batch, heads, seq, d_head]. */
function splitHeads(x: Tensor, heads: number): Tensor {
  const [batch, seq, d] = x.shape;
  return x.reshape([batch, seq, heads, d / heads]).transpose(0, 2, 1, 3);
}
