import { concat, crossEntropy, tensor, withDefaultDtype, type Tensor } from '@/engine';
import type { TinyTransformer } from './models/transformer-learner';
import { argmaxRows, range } from './models/gather-rows';

// The forward pass of a trained tiny Transformer on one sequence, every intermediate kept, and the
// backward pass of one position's cross-entropy to the attention scores — for the playground's
// "your own sentence" trace. Computed with the engine's own ops in float64 from the model's
// (float32) weights, step by step as the lecture writes them, so each matrix the student sees is a
// tensor the engine computed; transformer-trace.test.ts holds the logits to the model's own
// forward and the score gradients to finite differences.

export type Matrix = number[][];

/** Which output position's loss the backward pass starts from, and the token it should have been. */
export type TraceTarget = { position: number; token: number };

/** Adds `delta` to one attention score before its softmax (finite-difference checks only). */
export type ScoreNudge = { layer: number; head: number; row: number; col: number; delta: number };

export type HeadTrace = {
  /** This head's slices of the projections: Wq[:, h·d_k … (h+1)·d_k) etc. [d_model, d_k] and biases [d_k]. */
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  bq: number[];
  bk: number[];
  bv: number[];
  /** [n, d_k] */
  q: Matrix;
  k: Matrix;
  v: Matrix;
  /** Q Kᵀ / √d_k [n, n], row = query position, column = key position. */
  scores: Matrix;
  /** After the mask (an encoder has none: equal to `scores`). */
  maskedScores: Matrix;
  /** softmax over each row [n, n]. */
  weights: Matrix;
  /** weights · V [n, d_k]. */
  attended: Matrix;
  /** ∂loss/∂weights and ∂loss/∂scores [n, n] (autograd). */
  dWeights: Matrix;
  dScores: Matrix;
};

export type LayerTrace = {
  /** What enters the layer [n, d_model]. */
  input: Matrix;
  /** 1 where query i may attend to key j: all ones in an encoder. */
  mask: Matrix;
  heads: HeadTrace[];
  /** The heads' outputs side by side [n, d_model], then · Wo + bo. */
  concat: Matrix;
  wo: Matrix;
  bo: number[];
  attention: Matrix;
  /** input + attention, then LayerNorm (γ, β). */
  residual1: Matrix;
  norm1: Matrix;
  gamma1: number[];
  beta1: number[];
  /** ReLU(norm1 W1 + b1) [n, d_ff], then · W2 + b2 [n, d_model]. */
  w1: Matrix;
  b1: number[];
  hidden: Matrix;
  w2: Matrix;
  b2: number[];
  feedForward: Matrix;
  /** norm1 + feedForward, then LayerNorm: the layer's output. */
  residual2: Matrix;
  output: Matrix;
  gamma2: number[];
  beta2: number[];
};

export type TransformerTrace = {
  tokens: number[];
  dModel: number;
  heads: number;
  dHead: number;
  vocab: number;
  eps: number;
  /** Rows of the token and position tables [n, d_model], and their sum. */
  tokenEmbedding: Matrix;
  positionEmbedding: Matrix;
  embedded: Matrix;
  layers: LayerTrace[];
  /** Read-out: last layer's output · W + b [n, vocab], softmax per row, argmax per row. */
  readout: Matrix;
  readoutBias: number[];
  logits: Matrix;
  probabilities: Matrix;
  predicted: number[];
  target: TraceTarget;
  /** −log softmax(logits[position])[token]. */
  loss: number;
};

export function traceTransformer(model: TinyTransformer, tokens: readonly number[], target: TraceTarget, options: { nudge?: ScoreNudge } = {}): TransformerTrace {
  const { dModel, heads, seqLength, vocab } = model.config;
  const n = tokens.length;
  if (n !== seqLength || tokens.some((t) => !Number.isInteger(t) || t < 0 || t >= vocab)) {
    throw new RangeError(`traceTransformer: expected ${seqLength} tokens in 0…${vocab - 1}, got [${tokens.join(', ')}]`);
  }
  if (!Number.isInteger(target.position) || target.position < 0 || target.position >= n || !Number.isInteger(target.token) || target.token < 0 || target.token >= vocab) {
    throw new RangeError(`traceTransformer: target ${JSON.stringify(target)} is outside the ${n} positions or ${vocab} tokens`);
  }
  const dHead = dModel / heads;
  const eps = model.layers[0]?.norm1.options.eps ?? 1e-5;

  return withDefaultDtype('float64', () => {
    const tokenEmbedding = rows(leaf(model.tokens.weight), tokens);
    const positionEmbedding = rows(leaf(model.positions.weight), range(n));
    const embedded = tokenEmbedding.add(positionEmbedding);

    let x = embedded;
    const kept: { layer: LayerTrace; scores: Tensor[]; weights: Tensor[] }[] = [];
    model.layers.forEach((layer, l) => {
      const attention = layer.selfAttention;
      const [Wq, Wk, Wv, Wo] = [attention.Wq, attention.Wk, attention.Wv, attention.Wo].map(leaf);
      const [bq, bk, bv, bo] = [attention.bq, attention.bk, attention.bv, attention.bo].map((b) => (b ? leaf(b) : tensor(new Array<number>(dModel).fill(0))));
      const q = x.matmul(Wq).add(bq);
      const k = x.matmul(Wk).add(bk);
      const v = x.matmul(Wv).add(bv);
      const scoreTensors: Tensor[] = [];
      const weightTensors: Tensor[] = [];
      const headParts = range(heads).map((h) => {
        const columns = (t: Tensor) => t.slice(t.ndim - 1, h * dHead, (h + 1) * dHead);
        const [qh, kh, vh] = [q, k, v].map(columns);
        let scores = qh.matmul(kh.transpose()).mul(1 / Math.sqrt(dHead));
        const nudge = options.nudge;
        if (nudge && nudge.layer === l && nudge.head === h) {
          const bump = new Array<number>(n * n).fill(0);
          bump[nudge.row * n + nudge.col] = nudge.delta;
          scores = scores.add(tensor({ data: bump, shape: [n, n] }));
        }
        scores.retainGrad();
        // No mask in an encoder: every query may attend to every key.
        const weights = scores.softmax(-1).retainGrad();
        const attended = weights.matmul(vh);
        scoreTensors.push(scores);
        weightTensors.push(weights);
        return { qh, kh, vh, scores, weights, attended, wq: columns(Wq), wk: columns(Wk), wv: columns(Wv), bq: columns(bq), bk: columns(bk), bv: columns(bv) };
      });
      const merged = concat(headParts.map((part) => part.attended), 1);
      const attended = merged.matmul(Wo).add(bo);
      const residual1 = x.add(attended);
      const [gamma1, beta1, gamma2, beta2] = [layer.norm1.gamma, layer.norm1.beta, layer.norm2.gamma, layer.norm2.beta].map(leaf);
      const norm1 = layerNorm(residual1, gamma1, beta1, eps);
      const { expand, contract } = layer.feedForward;
      const [W1, W2] = [expand.weight, contract.weight].map(leaf);
      const [b1, b2] = [expand.bias, contract.bias].map((b) => (b ? leaf(b) : tensor(0)));
      const hidden = norm1.matmul(W1).add(b1).relu();
      const feedForward = hidden.matmul(W2).add(b2);
      const residual2 = norm1.add(feedForward);
      const output = layerNorm(residual2, gamma2, beta2, eps);

      kept.push({
        scores: scoreTensors,
        weights: weightTensors,
        layer: {
          input: matrix(x),
          mask: range(n).map(() => new Array<number>(n).fill(1)),
          heads: headParts.map((part) => ({
            wq: matrix(part.wq), wk: matrix(part.wk), wv: matrix(part.wv),
            bq: vector(part.bq), bk: vector(part.bk), bv: vector(part.bv),
            q: matrix(part.qh), k: matrix(part.kh), v: matrix(part.vh),
            scores: matrix(part.scores), maskedScores: matrix(part.scores), weights: matrix(part.weights), attended: matrix(part.attended),
            dWeights: [], dScores: [],
          })),
          concat: matrix(merged), wo: matrix(Wo), bo: vector(bo), attention: matrix(attended),
          residual1: matrix(residual1), norm1: matrix(norm1), gamma1: vector(gamma1), beta1: vector(beta1),
          w1: matrix(W1), b1: vector(b1), hidden: matrix(hidden), w2: matrix(W2), b2: vector(b2), feedForward: matrix(feedForward),
          residual2: matrix(residual2), output: matrix(output), gamma2: vector(gamma2), beta2: vector(beta2),
        },
      });
      x = output;
    });

    const readout = leaf(model.head.weight);
    const readoutBias = model.head.bias ? leaf(model.head.bias) : tensor(new Array<number>(vocab).fill(0));
    const logits = x.matmul(readout).add(readoutBias);
    const loss = crossEntropy(logits.slice(0, target.position, target.position + 1), [target.token]);
    loss.backward();
    for (const { layer, scores, weights } of kept) {
      layer.heads.forEach((head, h) => {
        head.dScores = gradient(scores[h], n);
        head.dWeights = gradient(weights[h], n);
      });
    }

    return {
      tokens: [...tokens],
      dModel,
      heads,
      dHead,
      vocab,
      eps,
      tokenEmbedding: matrix(tokenEmbedding),
      positionEmbedding: matrix(positionEmbedding),
      embedded: matrix(embedded),
      layers: kept.map((entry) => entry.layer),
      readout: matrix(readout),
      readoutBias: vector(readoutBias),
      logits: matrix(logits),
      probabilities: matrix(logits.detach().softmax(-1)),
      predicted: argmaxRows(logits),
      target: { ...target },
      loss: loss.item(),
    };
  });
}

/** A float64 copy of a (float32) parameter, requiring a gradient so the backward pass reaches every step. */
function leaf(parameter: Tensor): Tensor {
  return tensor({ data: Float64Array.from(parameter.data), shape: parameter.shape }, { requiresGrad: true, dtype: 'float64' });
}

/** The chosen rows of a [count, d] table as one [rows, d] tensor, in the graph (the embedding lookup). */
function rows(table: Tensor, indices: readonly number[]): Tensor {
  return concat(indices.map((index) => table.slice(0, index, index + 1)), 0);
}

/** LayerNorm over the last axis as engine/nn/layer-norm.ts computes it (biased variance). */
function layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps: number): Tensor {
  const centred = x.sub(x.mean(-1, true));
  const variance = centred.mul(centred).mean(-1, true);
  return centred.div(variance.add(eps).sqrt()).mul(gamma).add(beta);
}

function matrix(t: Tensor): Matrix {
  const [r, c] = t.shape;
  return range(r).map((i) => Array.from(t.data.subarray(i * c, (i + 1) * c)));
}

function vector(t: Tensor): number[] {
  return Array.from(t.data);
}

function gradient(t: Tensor, n: number): Matrix {
  return t.grad ? matrix(t.grad) : range(n).map(() => new Array<number>(n).fill(0));
}
