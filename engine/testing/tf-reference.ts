// Test support only (imported by the nn tests, never by the engine): runs a layer and the same
// computation written in TensorFlow.js on the layer's own weights, and reports how far the
// forward values and the gradients of every parameter and input are apart.
import * as tf from '@tensorflow/tfjs';
import { Tensor } from '../tensor';
import { rng } from '../rng';

export interface ModuleComparison {
  forwardError: number;
  /** One entry per tensor in `[...params, ...inputs]`. */
  gradErrors: number[];
  scale: number;
}

/**
 * `engineForward()` runs the layer; `tfForward(params, inputs)` rebuilds it in TF.js from copies
 * of the same parameter and input values. The output is projected to a scalar with fixed random
 * weights, so every output element's gradient is exercised. Inputs that do not require grad are
 * passed to TF.js as constants.
 */
export async function compareModuleWithTf(
  params: readonly Tensor[],
  inputs: readonly Tensor[],
  engineForward: () => Tensor,
  tfForward: (params: tf.Tensor[], inputs: tf.Tensor[]) => tf.Tensor,
  seed: string = 'module-vs-tf',
): Promise<ModuleComparison> {
  await tf.setBackend('cpu');
  for (const t of [...params, ...inputs]) t.zeroGrad();
  const out = engineForward();
  const random = rng(seed);
  const projection = Float64Array.from({ length: out.size }, () => random.uniform(-1, 1));
  out.backward(new Tensor(projection, out.shape));

  const toTf = (t: Tensor) => tf.tensor(Array.from(t.data), [...t.shape], 'float32');
  const tfParams = params.map(toTf);
  const tfInputs = inputs.map(toTf);
  const all = [...params, ...inputs];
  const differentiable = all.map((t, i) => (t.requiresGrad ? i : -1)).filter((i) => i >= 0);
  const weights = tf.tensor(Array.from(projection), [...out.shape], 'float32');
  const rebuild = (xs: tf.Tensor[]) => {
    const values = [...tfParams, ...tfInputs].map((t, i) => (differentiable.includes(i) ? xs[differentiable.indexOf(i)] : t));
    return tfForward(values.slice(0, params.length), values.slice(params.length));
  };
  const tfOut = rebuild(differentiable.map((i) => [...tfParams, ...tfInputs][i]));
  if (tfOut.shape.join(',') !== out.shape.join(',')) {
    throw new Error(`shape mismatch: engine [${out.shape.join(', ')}], tfjs [${tfOut.shape.join(', ')}]`);
  }
  const expected = tfOut.dataSync();
  let scale = 0;
  let forwardError = 0;
  for (let i = 0; i < out.size; i++) {
    forwardError = Math.max(forwardError, Math.abs(out.data[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(rebuild(xs), weights)))(differentiable.map((i) => [...tfParams, ...tfInputs][i]));
  const gradErrors = all.map(() => 0);
  differentiable.forEach((index, k) => {
    const reference = grads[k].dataSync();
    const actual = all[index].grad;
    for (let j = 0; j < reference.length; j++) {
      gradErrors[index] = Math.max(gradErrors[index], Math.abs((actual ? actual.data[j] : 0) - reference[j]));
      scale = Math.max(scale, Math.abs(reference[j]));
    }
  });
  tf.dispose([...tfParams, ...tfInputs, weights, tfOut, ...grads]);
  return { forwardError, gradErrors, scale };
}

/** LayerNorm over the last axis from TF.js primitives (biased variance, as the engine and PyTorch). */
export function tfLayerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps = 1e-5): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta);
}

/** Multi-head attention from TF.js primitives; W = [Wq, Wk, Wv, Wo], b = [bq, bk, bv, bo]; mask 1 = allowed. */
export function tfMultiHeadAttention(xq: tf.Tensor, xkv: tf.Tensor, W: tf.Tensor[], b: tf.Tensor[], heads: number, mask?: tf.Tensor): tf.Tensor {
  const [batch, seqQ, dModel] = xq.shape;
  const dHead = dModel / heads;
  const project = (x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) => {
    const [bt, s] = x.shape;
    return tf.reshape(tf.add(tf.matMul(tf.reshape(x, [bt * s, dModel]), w), bias), [bt, s, dModel]);
  };
  const split = (x: tf.Tensor) => {
    const [bt, s] = x.shape;
    return tf.transpose(tf.reshape(x, [bt, s, heads, dHead]), [0, 2, 1, 3]);
  };
  const q = split(project(xq, W[0], b[0]));
  const k = split(project(xkv, W[1], b[1]));
  const v = split(project(xkv, W[2], b[2]));
  let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dHead));
  if (mask) scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
  const merged = tf.reshape(tf.transpose(tf.matMul(tf.softmax(scores, -1), v), [0, 2, 1, 3]), [batch, seqQ, dModel]);
  return project(merged, W[3], b[3]);
}

/** Linear(d → dFF), ReLU, Linear(dFF → d) from TF.js primitives; p = [W1, b1, W2, b2]. */
export function tfFeedForward(x: tf.Tensor, p: tf.Tensor[]): tf.Tensor {
  const [batch, seq, d] = x.shape;
  const rows = tf.reshape(x, [batch * seq, d]);
  const hidden = tf.relu(tf.add(tf.matMul(rows, p[0]), p[1]));
  return tf.reshape(tf.add(tf.matMul(hidden, p[2]), p[3]), [batch, seq, d]);
}
